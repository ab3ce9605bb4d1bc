namespace Referral.Grains.Abstractions.Wheel;

/// <summary>
/// A wheel as players see it: its rules, whether it takes spins now (<paramref name="Open"/>), and
/// every segment's exact current probability. <paramref name="Sequence"/> is the last event of
/// the wheel's stream reflected here.
/// </summary>
[GenerateSerializer, Immutable, Alias("Referral.Wheel.WheelOdds")]
public sealed record WheelOdds(
    [property: Id(0)] string WheelId,
    [property: Id(1)] string Name,
    [property: Id(2)] long Sequence,
    [property: Id(3)] bool Open,
    [property: Id(4)] int CostPerSpin,
    [property: Id(5)] int FreeSpinsPerDay,
    [property: Id(6)] int DailyCap,
    [property: Id(7)] DateTimeOffset? ActiveFrom,
    [property: Id(8)] DateTimeOffset? ActiveUntil,
    [property: Id(9)] long TotalWeight,
    [property: Id(10)] IReadOnlyList<SegmentOdds> Segments);
