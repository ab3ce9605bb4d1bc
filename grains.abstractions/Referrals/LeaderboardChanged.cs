namespace Referral.Grains.Abstractions.Referrals;

/// <summary>The campaign leaderboard's top changed (on the <c>campaign</c> stream, at most once a second).</summary>
[GenerateSerializer, Immutable, Alias("Referral.Referrals.LeaderboardChanged")]
public sealed record LeaderboardChanged(
    [property: Id(0)] Guid CampaignId,
    [property: Id(1)] IReadOnlyList<LeaderboardEntry> Top,
    [property: Id(2)] int Ranked,
    [property: Id(3)] DateTimeOffset At);
