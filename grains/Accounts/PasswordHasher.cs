using System.Security.Cryptography;
using System.Text;
using Geralt;

namespace Referral.Grains.Accounts;

/// <summary>
/// Argon2id through libsodium (Geralt). Hashes are PHC strings that carry their parameters, and
/// <see cref="NeedsRehash"/> tells when a stored hash is cheaper than the configured cost.
/// </summary>
/// <remarks>
/// Synchronous on purpose: one hash at OWASP cost takes tens of milliseconds of one core, and
/// running it inside the account grain's turn serialises guesses against one account.
/// </remarks>
public sealed class PasswordHasher
{
    private readonly string _dummyHash;

    public PasswordHasher(Argon2Parameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (parameters.MemoryKiB < Argon2Parameters.MinimumMemoryKiB || parameters.Iterations < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(parameters), parameters,
                $"Argon2id needs at least {Argon2Parameters.MinimumMemoryKiB} KiB of memory and one iteration.");
        }

        Parameters = parameters;
        // A hash of a random password at the same cost, made now rather than on first use so the
        // first unknown account does not pay for it: unknown accounts verify against it and spend
        // the same time as known ones.
        _dummyHash = Hash(Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)));
    }

    public Argon2Parameters Parameters { get; }

    /// <summary>A fresh salt and the PHC string of the NFKC form of <paramref name="password"/>.</summary>
    public string Hash(string password)
    {
        var bytes = Encode(password);
        try
        {
            Span<char> phc = stackalloc char[Argon2id.HashSize];
            phc.Clear();
            Argon2id.ComputeHash(phc, bytes, Parameters.Iterations, Parameters.MemoryKiB * 1024);
            var end = phc.IndexOf('\0');
            return new string(end < 0 ? phc : phc[..end]);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
        }
    }

    /// <summary>Whether <paramref name="password"/> matches <paramref name="phc"/> at the cost <paramref name="phc"/> names (false for a malformed hash).</summary>
    public static bool Verify(string phc, string password)
    {
        ArgumentNullException.ThrowIfNull(phc);
        if (!PhcString.TryReadParameters(phc, out _))
        {
            return false;
        }

        var bytes = Encode(password);
        try
        {
            return Argon2id.VerifyHash(phc, bytes);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
        }
    }

    /// <summary>Spends the work of one verification and fails: the unknown-account path.</summary>
    public bool VerifyDummy(string password)
    {
        _ = Verify(_dummyHash, password);
        return false;
    }

    /// <summary>True when the stored hash is not Argon2id v19 or costs less than the configured parameters.</summary>
    public bool NeedsRehash(string phc) =>
        !PhcString.TryReadParameters(phc, out var stored) || stored.IsWeakerThan(Parameters);

    private static byte[] Encode(string password) => Encoding.UTF8.GetBytes(PasswordText.Normalize(password));
}
