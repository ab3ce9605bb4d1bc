namespace Referral.Grains.Abstractions.Referrals;

/// <summary>The top of a campaign's leaderboard, the caller's own place (if ranked) and the number of ranked referrers.</summary>
[GenerateSerializer, Immutable, Alias("Referral.Referrals.LeaderboardView")]
public sealed record LeaderboardView(
    [property: Id(0)] Guid CampaignId,
    [property: Id(1)] IReadOnlyList<LeaderboardEntry> Top,
    [property: Id(2)] LeaderboardEntry? Own,
    [property: Id(3)] int Ranked);
