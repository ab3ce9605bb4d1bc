namespace Referral.Grains.Abstractions.Wheel;

/// <summary>
/// A finished spin, and everything needed to verify it: the roll came from HMAC-SHA256(server
/// seed, "ClientSeed:Nonce"); <paramref name="Roll"/> is its first 8 bytes (hex), <paramref name="Value"/>
/// the roll as a number in [0, 1), and <paramref name="Weights"/> the effective weights it was
/// mapped onto. <paramref name="ServerSeed"/> stays null until the player rotates that seed.
/// <paramref name="Status"/> is <c>completed</c>, or <c>refunded</c> when the wheel ran out of
/// stock between payment and draw (the token was given back). <paramref name="Code"/> is the
/// reward code won, shown only to its owner.
/// </summary>
[GenerateSerializer, Immutable, Alias("Referral.Wheel.SpinResult")]
public sealed record SpinResult(
    [property: Id(0)] string SpinId,
    [property: Id(1)] string WheelId,
    [property: Id(2)] string Status,
    [property: Id(3)] int SegmentIndex,
    [property: Id(4)] string? SegmentId,
    [property: Id(5)] string? Label,
    [property: Id(6)] WheelPrize? Prize,
    [property: Id(7)] string? Code,
    [property: Id(8)] bool FreeSpin,
    [property: Id(9)] int Cost,
    [property: Id(10)] string ServerSeedHash,
    [property: Id(11)] string? ServerSeed,
    [property: Id(12)] string ClientSeed,
    [property: Id(13)] long Nonce,
    [property: Id(14)] string Roll,
    [property: Id(15)] double Value,
    [property: Id(16)] IReadOnlyList<long> Weights,
    [property: Id(17)] DateTimeOffset At);
