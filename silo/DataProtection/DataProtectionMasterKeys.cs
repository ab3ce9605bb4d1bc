using System.Security.Cryptography;

namespace Referral.Silo.DataProtection;

/// <summary>
/// The AES-256 keys that encrypt the Data Protection key ring at rest: the current one (new keys)
/// and retired ones (still read, so the master key can be rotated). Each is known by an id, the
/// first 8 bytes of its SHA-256, written beside every encrypted key.
/// </summary>
public sealed class DataProtectionMasterKeys
{
    public const int KeyBytes = 32;

    private readonly Dictionary<string, byte[]> _byId;

    public DataProtectionMasterKeys(byte[] current, IEnumerable<byte[]>? retired = null, bool generated = false)
    {
        ArgumentNullException.ThrowIfNull(current);
        var all = new[] { current }.Concat(retired ?? []).ToList();
        if (all.Exists(k => k.Length != KeyBytes))
        {
            throw new ArgumentException($"Master keys are {KeyBytes} bytes.", nameof(current));
        }

        _byId = all.DistinctBy(IdOf).ToDictionary(IdOf, k => k.ToArray(), StringComparer.Ordinal);
        CurrentId = IdOf(current);
        Generated = generated;
    }

    public string CurrentId { get; }

    /// <summary>True when no key was configured and this one was made up at start-up (memory mode only).</summary>
    public bool Generated { get; }

    public ReadOnlySpan<byte> Current => _byId[CurrentId];

    /// <summary>A fresh random key (memory mode without configuration, and tests).</summary>
    public static DataProtectionMasterKeys Random() => new(RandomNumberGenerator.GetBytes(KeyBytes), generated: true);

    public bool TryGet(string id, out ReadOnlySpan<byte> key)
    {
        var found = _byId.TryGetValue(id, out var bytes);
        key = found ? bytes : default;
        return found;
    }

    private static string IdOf(byte[] key) => Convert.ToHexStringLower(SHA256.HashData(key).AsSpan(0, 8));
}
