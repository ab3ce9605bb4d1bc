namespace Referral.Grains.Accounts;

/// <summary>
/// Argon2id cost. Parallelism is always 1: libsodium computes one lane, which is also what
/// OWASP's recommended set (m = 19 MiB, t = 2, p = 1) asks for.
/// </summary>
public sealed record Argon2Parameters(int MemoryKiB, int Iterations)
{
    public const int Parallelism = 1;

    /// <summary>libsodium's floor: 8 KiB of memory, one pass.</summary>
    public const int MinimumMemoryKiB = 8;

    /// <summary>OWASP Password Storage Cheat Sheet: m = 19456 KiB (19 MiB), t = 2, p = 1.</summary>
    public static Argon2Parameters Owasp { get; } = new(19_456, 2);

    /// <summary>Whether these parameters cost less than <paramref name="other"/> in either dimension.</summary>
    public bool IsWeakerThan(Argon2Parameters other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return MemoryKiB < other.MemoryKiB || Iterations < other.Iterations;
    }
}
