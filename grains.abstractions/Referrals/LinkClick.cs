namespace Referral.Grains.Abstractions.Referrals;

/// <summary>
/// One click on a referral link. The fingerprints are keyed hashes (never the address, user
/// agent or device id in clear): <paramref name="DeviceKey"/> of user agent + language,
/// <paramref name="NetworkKey"/> of the network prefix.
/// </summary>
[GenerateSerializer, Immutable, Alias("Referral.Referrals.LinkClick")]
public sealed record LinkClick(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] string DeviceKey,
    [property: Id(2)] string NetworkKey);
