namespace Referral.Grains.Referrals;

/// <summary>Server-wide referral settings. Bound from the <c>Referrals</c> section.</summary>
public sealed class ReferralOptions
{
    public const string Section = "Referrals";

    /// <summary>A fraud score at or above this waits for an admin's review. Default: 30.</summary>
    public int MediumRiskScore { get; set; } = 30;

    /// <summary>A fraud score at or above this is rejected. Default: 80.</summary>
    public int HighRiskScore { get; set; } = 80;

    /// <summary>First retry of an unpaid outbox line after a failure; doubles up to <see cref="MaxRetryDelay"/>. Default: 1 s.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Default: 1 min.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How far a chain of referrers is followed to find a loop. Default: 5.</summary>
    public int LoopDepth { get; set; } = 5;
}
