namespace Referral.Grains.Abstractions.Referrals;

/// <summary>Clicks on one personal link: the total, distinct devices, and the last click.</summary>
[GenerateSerializer, Immutable, Alias("Referral.Referrals.CodeStats")]
public sealed record CodeStats(
    [property: Id(0)] long Clicks,
    [property: Id(1)] int DistinctDevices,
    [property: Id(2)] DateTimeOffset? LastClickAt);
