using Microsoft.Extensions.Configuration;

namespace Referral.Silo.DataProtection;

/// <summary>
/// The <c>DataProtection</c> section: the master key that encrypts the personal-data key ring at
/// rest. Required in durable mode; in memory mode a missing key is generated (nothing outlives the
/// process there anyway).
/// </summary>
public sealed class DataProtectionSettings
{
    public const string Section = "DataProtection";

    /// <summary>Base64 of 32 random bytes (e.g. <c>openssl rand -base64 32</c>). Default: none.</summary>
    public string? MasterKey { get; set; }

    /// <summary>Earlier master keys, base64, still accepted for decryption after a rotation. Default: none.</summary>
    public List<string> RetiredMasterKeys { get; set; } = [];

    /// <summary>Reads and validates the section; stops start-up with a message naming the setting.</summary>
    public static DataProtectionMasterKeys ReadMasterKeys(IConfiguration configuration, bool durable)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var settings = configuration.GetSection(Section).Get<DataProtectionSettings>() ?? new();
        var errors = new List<string>();
        byte[]? current = null;
        if (string.IsNullOrWhiteSpace(settings.MasterKey))
        {
            if (durable)
            {
                errors.Add($"{Section}:MasterKey is required in durable mode (ConnectionStrings:Referral is set): base64 of 32 random bytes, e.g. `openssl rand -base64 32`. It encrypts the personal-data keys stored in PostgreSQL.");
            }
        }
        else if (Decode(settings.MasterKey) is { } key)
        {
            current = key;
        }
        else
        {
            errors.Add($"{Section}:MasterKey must be base64 of exactly {DataProtectionMasterKeys.KeyBytes} bytes.");
        }

        var retired = new List<byte[]>();
        for (var i = 0; i < settings.RetiredMasterKeys.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(settings.RetiredMasterKeys[i]))
            {
                continue;
            }

            if (Decode(settings.RetiredMasterKeys[i]) is { } key)
            {
                retired.Add(key);
            }
            else
            {
                errors.Add($"{Section}:RetiredMasterKeys:{i} must be base64 of exactly {DataProtectionMasterKeys.KeyBytes} bytes.");
            }
        }

        if (errors.Count > 0)
        {
            throw new InvalidOperationException(
                "Invalid configuration, start-up stopped:" + Environment.NewLine + string.Join(Environment.NewLine, errors.Select(e => " - " + e)));
        }

        return current is null ? DataProtectionMasterKeys.Random() : new DataProtectionMasterKeys(current, retired);
    }

    private static byte[]? Decode(string value)
    {
        var buffer = new byte[DataProtectionMasterKeys.KeyBytes + 3];
        return Convert.TryFromBase64String(value.Trim(), buffer, out var written) && written == DataProtectionMasterKeys.KeyBytes
            ? buffer[..written]
            : null;
    }
}
