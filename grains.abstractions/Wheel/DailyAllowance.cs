namespace Referral.Grains.Abstractions.Wheel;

/// <summary>A player's use of one wheel on the current UTC day.</summary>
[GenerateSerializer, Immutable, Alias("Referral.Wheel.DailyAllowance")]
public sealed record DailyAllowance(
    [property: Id(0)] DateOnly Day,
    [property: Id(1)] int SpinsToday,
    [property: Id(2)] int FreeSpinsUsed);
