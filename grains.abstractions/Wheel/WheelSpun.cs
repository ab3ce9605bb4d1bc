namespace Referral.Grains.Abstractions.Wheel;

/// <summary>
/// A player finished a spin (on the <c>analytics</c> stream, key <c>wheel</c>): what referral
/// qualification ("first wheel spin") consumes. Delivered at least once per spin; dedupe by
/// user and spin id.
/// </summary>
[GenerateSerializer, Immutable, Alias("Referral.Wheel.WheelSpun")]
public sealed record WheelSpun(
    [property: Id(0)] Guid UserId,
    [property: Id(1)] string WheelId,
    [property: Id(2)] string SpinId,
    [property: Id(3)] DateTimeOffset At);
