namespace Referral.Grains.Abstractions.Referrals;

/// <summary>
/// What a referrer's record tells the fraud rules about a new signup: the referrer's offer
/// variant, how many friends signed up in the last hour (this one included), and the keyed
/// fingerprints the referrer has been seen with.
/// </summary>
[GenerateSerializer, Immutable, Alias("Referral.Referrals.ReferrerFacts")]
public sealed record ReferrerFacts(
    [property: Id(0)] string Variant,
    [property: Id(1)] int SignupsLastHour,
    [property: Id(2)] IReadOnlyList<string> DeviceKeys,
    [property: Id(3)] IReadOnlyList<string> NetworkAgentKeys,
    [property: Id(4)] IReadOnlyList<string> DeviceIdKeys);
