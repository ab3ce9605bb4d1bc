namespace Referral.Grains.Abstractions.Referrals;

/// <summary>The referral after a command, or a stable error code (<see cref="ReferralErrors"/>).</summary>
[GenerateSerializer, Immutable, Alias("Referral.Referrals.ReferralOutcome")]
public sealed record ReferralOutcome(
    [property: Id(0)] ReferralView? Referral,
    [property: Id(1)] string? Error,
    [property: Id(2)] string? Detail)
{
    public bool Ok => Error is null;

    public static ReferralOutcome Success(ReferralView? referral) => new(referral, null, null);

    public static ReferralOutcome Fail(string error, string detail) => new(null, error, detail);
}
