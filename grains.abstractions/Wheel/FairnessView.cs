namespace Referral.Grains.Abstractions.Wheel;

/// <summary>
/// A player's provably-fair state: the SHA-256 of the current (secret) server seed, the client
/// seed, and the nonce the next spin will use.
/// </summary>
[GenerateSerializer, Immutable, Alias("Referral.Wheel.FairnessView")]
public sealed record FairnessView(
    [property: Id(0)] string ServerSeedHash,
    [property: Id(1)] string ClientSeed,
    [property: Id(2)] long NextNonce);
