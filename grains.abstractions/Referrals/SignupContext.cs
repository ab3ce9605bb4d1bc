namespace Referral.Grains.Abstractions.Referrals;

/// <summary>
/// What the front door knows about a signup, as keyed hashes only: the fraud-normalised email
/// (dots and plus-tags removed where the provider ignores them), the app's install id, the
/// client's device fingerprint (computed by the client from stable device properties, when it
/// sends one), the network prefix, and network + user agent.
/// </summary>
[GenerateSerializer, Immutable, Alias("Referral.Referrals.SignupContext")]
public sealed record SignupContext(
    [property: Id(0)] string DisplayName,
    [property: Id(1)] string? ReferralCode,
    [property: Id(2)] string? EmailKey,
    [property: Id(3)] bool DisposableEmail,
    [property: Id(4)] string? DeviceIdKey,
    [property: Id(5)] string? DeviceKey,
    [property: Id(6)] string NetworkKey,
    [property: Id(7)] string NetworkAgentKey);
