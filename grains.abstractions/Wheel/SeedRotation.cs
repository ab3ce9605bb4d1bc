namespace Referral.Grains.Abstractions.Wheel;

/// <summary>A rotated seed: the old server seed revealed (check it against the hash published before), and the new hash.</summary>
[GenerateSerializer, Immutable, Alias("Referral.Wheel.SeedRotation")]
public sealed record SeedRotation(
    [property: Id(0)] string RevealedServerSeed,
    [property: Id(1)] string RevealedServerSeedHash,
    [property: Id(2)] long SpinsWithSeed,
    [property: Id(3)] FairnessView Next);
