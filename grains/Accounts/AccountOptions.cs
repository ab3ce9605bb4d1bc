using System.Globalization;

namespace Referral.Grains.Accounts;

/// <summary>
/// Account and session rules, bound from the <c>Accounts</c> section by the silo host. The grains
/// read them through <c>IOptions&lt;AccountOptions&gt;</c>, so an unbound host gets these defaults.
/// </summary>
public sealed class AccountOptions
{
    public const string Section = "Accounts";

    /// <summary>Absolute lifetime of a refresh-token family, from the login that opened it. Default: 30 days.</summary>
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Failed logins allowed per account within <see cref="FailedLoginWindow"/>. Default: 100 (ASVS).</summary>
    public int MaxFailedLogins { get; set; } = 100;

    /// <summary>The rolling window failed logins are counted in. Default: 1 hour.</summary>
    public TimeSpan FailedLoginWindow { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Argon2id memory in KiB. Default: 19456 (19 MiB, OWASP).</summary>
    public int PasswordHashMemoryKiB { get; set; } = Argon2Parameters.Owasp.MemoryKiB;

    /// <summary>Argon2id passes. Default: 2 (OWASP).</summary>
    public int PasswordHashIterations { get; set; } = Argon2Parameters.Owasp.Iterations;

    /// <summary>Refresh-token families (logged-in devices) kept per user; the least recently used goes first. Default: 20.</summary>
    public int MaxSessionsPerUser { get; set; } = 20;

    public Argon2Parameters PasswordHashing => new(PasswordHashMemoryKiB, PasswordHashIterations);

    /// <summary>Every problem with the settings, each naming the setting; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (RefreshTokenLifetime <= TimeSpan.Zero)
        {
            errors.Add($"{Section}:{nameof(RefreshTokenLifetime)} must be positive, not {RefreshTokenLifetime}.");
        }

        if (MaxFailedLogins < 1)
        {
            errors.Add(Invariant($"{Section}:{nameof(MaxFailedLogins)} must be at least 1, not {MaxFailedLogins}."));
        }

        if (FailedLoginWindow <= TimeSpan.Zero)
        {
            errors.Add($"{Section}:{nameof(FailedLoginWindow)} must be positive, not {FailedLoginWindow}.");
        }

        if (PasswordHashMemoryKiB < Argon2Parameters.MinimumMemoryKiB)
        {
            errors.Add(Invariant($"{Section}:{nameof(PasswordHashMemoryKiB)} must be at least {Argon2Parameters.MinimumMemoryKiB}, not {PasswordHashMemoryKiB}."));
        }

        if (PasswordHashIterations < 1)
        {
            errors.Add(Invariant($"{Section}:{nameof(PasswordHashIterations)} must be at least 1, not {PasswordHashIterations}."));
        }

        if (MaxSessionsPerUser < 1)
        {
            errors.Add(Invariant($"{Section}:{nameof(MaxSessionsPerUser)} must be at least 1, not {MaxSessionsPerUser}."));
        }

        return errors;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
