namespace Referral.Grains.Abstractions.Wheel;

/// <summary>A page of a player's spins, newest first, and how many are kept in all.</summary>
[GenerateSerializer, Immutable, Alias("Referral.Wheel.SpinHistoryPage")]
public sealed record SpinHistoryPage(
    [property: Id(0)] IReadOnlyList<SpinResult> Spins,
    [property: Id(1)] int Total);
