namespace Referral.Grains.Referrals;

/// <summary>A referrer's count on the board, when it last rose (earlier wins ties), and the version it came with.</summary>
[GenerateSerializer, Immutable, Alias("Referral.Referrals.LeaderboardRow")]
public sealed record LeaderboardRow(
    [property: Id(0)] string Name,
    [property: Id(1)] int Referrals,
    [property: Id(2)] DateTimeOffset ReachedAt,
    [property: Id(3)] long Version);
