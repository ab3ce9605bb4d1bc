namespace Referral.Grains.Abstractions.Referrals;

/// <summary>Keyed fingerprints of a request the referrer made (see <see cref="SignupContext"/>).</summary>
[GenerateSerializer, Immutable, Alias("Referral.Referrals.SeenContext")]
public sealed record SeenContext(
    [property: Id(0)] string? DeviceKey,
    [property: Id(1)] string NetworkAgentKey,
    [property: Id(2)] string? DeviceIdKey);
