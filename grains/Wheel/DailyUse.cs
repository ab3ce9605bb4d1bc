namespace Referral.Grains.Wheel;

/// <summary>A player's spins of one wheel on one UTC day.</summary>
[GenerateSerializer, Alias("Referral.Wheel.DailyUse")]
public sealed class DailyUse
{
    [Id(0)] public DateOnly Day { get; set; }

    [Id(1)] public int Spins { get; set; }

    [Id(2)] public int FreeSpins { get; set; }
}
