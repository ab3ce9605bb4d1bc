namespace Referral.Grains.Abstractions.Referrals;

/// <summary>
/// One click on a referral link. The fingerprints are keyed hashes (never the address or user
/// agent in clear): <paramref name="VisitorKey"/> of network prefix + user agent (the same
/// browser signing up later has the same one), <paramref name="NetworkKey"/> of the network prefix.
/// </summary>
[GenerateSerializer, Immutable, Alias("Referral.Referrals.LinkClick")]
public sealed record LinkClick(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] string VisitorKey,
    [property: Id(2)] string NetworkKey);
