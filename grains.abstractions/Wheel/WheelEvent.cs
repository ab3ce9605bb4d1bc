namespace Referral.Grains.Abstractions.Wheel;

/// <summary>
/// An event on a wheel's stream (namespace <c>wheel</c>, key = wheel id). Sequences increase by
/// one per event of a wheel; a client drops any at or below the last it applied.
/// </summary>
[GenerateSerializer, Immutable, Alias("Referral.Wheel.WheelEvent")]
public abstract record WheelEvent(
    [property: Id(0)] string WheelId,
    [property: Id(1)] long Sequence);
