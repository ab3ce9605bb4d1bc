namespace Referral.Api.Infrastructure;

/// <summary>
/// Request limits on the endpoints an attacker would hammer. Bound from the <c>RateLimits</c>
/// section (<c>RateLimits:Login:PermitLimit</c>, <c>RateLimits:Login:Window</c>, …). Limits are
/// per api node; the account lockout in the grains (100 failures per hour) is cluster-wide.
/// Per-IP limits count every user behind one NAT together, hence generous defaults.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Logins per client IP. Default: 20 per minute.</summary>
    public RateLimitRule Login { get; set; } = RateLimitRule.Of(20, TimeSpan.FromMinutes(1));

    /// <summary>Logins per account (keyed hash of the email), whatever the IP. Default: 10 per minute.</summary>
    public RateLimitRule LoginPerAccount { get; set; } = RateLimitRule.Of(10, TimeSpan.FromMinutes(1));

    /// <summary>Registrations per client IP. Default: 20 per hour.</summary>
    public RateLimitRule Register { get; set; } = RateLimitRule.Of(20, TimeSpan.FromHours(1));

    /// <summary>Guest sign-ins per client IP. Default: 60 per 10 minutes (a venue's players share one IP).</summary>
    public RateLimitRule Guest { get; set; } = RateLimitRule.Of(60, TimeSpan.FromMinutes(10));

    /// <summary>Token refreshes per client IP. Default: 60 per minute.</summary>
    public RateLimitRule Refresh { get; set; } = RateLimitRule.Of(60, TimeSpan.FromMinutes(1));

    /// <summary>
    /// Guest upgrades and password changes per signed-in user: each costs an Argon2 hash, so the
    /// general per-user limit would let one cheap guest account keep a core busy. Default: 10 per 10 minutes.
    /// </summary>
    public RateLimitRule Credentials { get; set; } = RateLimitRule.Of(10, TimeSpan.FromMinutes(10));

    /// <summary>Requests per signed-in user on the account and admin endpoints. Default: 600 per minute.</summary>
    public RateLimitRule Authenticated { get; set; } = RateLimitRule.Of(600, TimeSpan.FromMinutes(1));

    /// <summary>Every problem with the settings, each naming the setting; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        Login.Validate(nameof(Login), errors);
        LoginPerAccount.Validate(nameof(LoginPerAccount), errors);
        Register.Validate(nameof(Register), errors);
        Guest.Validate(nameof(Guest), errors);
        Refresh.Validate(nameof(Refresh), errors);
        Credentials.Validate(nameof(Credentials), errors);
        Authenticated.Validate(nameof(Authenticated), errors);
        return errors;
    }
}
