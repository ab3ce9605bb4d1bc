namespace Referral.Grains.Abstractions.Wheel;

/// <summary>
/// A wheel as an admin writes it. Players may spin while <paramref name="Active"/> and inside the
/// optional window [<paramref name="ActiveFrom"/>, <paramref name="ActiveUntil"/>). A spin costs
/// <paramref name="CostPerSpin"/> spin tokens, except the first <paramref name="FreeSpinsPerDay"/>
/// of each UTC day; <paramref name="DailyCap"/> bounds all spins (free and paid) per player per UTC day.
/// </summary>
[GenerateSerializer, Immutable, Alias("Referral.Wheel.WheelDefinition")]
public sealed record WheelDefinition(
    [property: Id(0)] string Name,
    [property: Id(1)] IReadOnlyList<WheelSegment> Segments,
    [property: Id(2)] bool Active,
    [property: Id(3)] DateTimeOffset? ActiveFrom,
    [property: Id(4)] DateTimeOffset? ActiveUntil,
    [property: Id(5)] int CostPerSpin,
    [property: Id(6)] int FreeSpinsPerDay,
    [property: Id(7)] int DailyCap);
