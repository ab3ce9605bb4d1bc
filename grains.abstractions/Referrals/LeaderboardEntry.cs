namespace Referral.Grains.Abstractions.Referrals;

/// <summary>One referrer's place: rank (1-based, ties share the better rank by who got there first), name, rewarded referrals.</summary>
[GenerateSerializer, Immutable, Alias("Referral.Referrals.LeaderboardEntry")]
public sealed record LeaderboardEntry(
    [property: Id(0)] int Rank,
    [property: Id(1)] Guid UserId,
    [property: Id(2)] string Name,
    [property: Id(3)] int Referrals);
