namespace Referral.Grains.Accounts;

/// <summary>
/// An email login: its user, the Argon2id PHC hash and the recent failed logins. No personal
/// data: the grain key is a keyed hash of the email and the email itself lives (encrypted) on the user.
/// </summary>
[GenerateSerializer, Alias("Referral.AccountState")]
public sealed class AccountState
{
    /// <summary>Null when the email is not registered (never, or released).</summary>
    [Id(0)] public Guid? UserId { get; set; }

    [Id(1)] public string? PasswordHash { get; set; }

    [Id(2)] public DateTimeOffset? CreatedAt { get; set; }

    /// <summary>Failed password checks inside the rolling window, oldest first.</summary>
    [Id(3)] public List<DateTimeOffset> FailedLogins { get; set; } = [];

    [Id(4)] public DateTimeOffset? PasswordChangedAt { get; set; }
}
