namespace Referral.Grains.Wheel;

/// <summary>Bounds of a wheel definition and of a player's spin history.</summary>
public static class WheelLimits
{
    public const int MinSegments = 2;
    public const int MaxSegments = 24;
    public const int MaxNameLength = 80;
    public const int MaxLabelLength = 40;
    public const long MaxWeight = 1_000_000;
    public const int MaxStock = 10_000_000;
    public const long MaxPrizeAmount = 1_000_000;
    public const int MaxCostPerSpin = 1_000;
    public const int MaxFreeSpinsPerDay = 10;
    public const int MaxDailyCap = 10_000;

    /// <summary>Spins a player grain keeps (for repeats and history); older finished ones are dropped.</summary>
    public const int KeptSpins = 500;

    /// <summary>Server seeds a player grain keeps (revealed ones, for verifying kept spins).</summary>
    public const int KeptSeeds = 100;

    public const int MaxSpinIdLength = 64;
    public const int MaxClientSeedLength = 64;

    /// <summary>How long a wheel remembers a recorded draw for a retried spin.</summary>
    public static readonly TimeSpan DrawRetention = TimeSpan.FromDays(7);
}
