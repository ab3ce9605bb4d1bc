namespace Referral.Grains.Wheel;

[GenerateSerializer, Alias("Referral.Wheel.WheelPlayerState")]
public sealed class WheelPlayerState
{
    /// <summary>Oldest first; the last is the current (unrevealed) seed.</summary>
    [Id(0)] public List<ServerSeedRecord> Seeds { get; set; } = new();

    [Id(1)] public string ClientSeed { get; set; } = "";

    /// <summary>The nonce of the next spin under the current server seed.</summary>
    [Id(2)] public long NextNonce { get; set; }

    [Id(3)] public Dictionary<string, DailyUse> Daily { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Oldest first, at most <see cref="WheelLimits.KeptSpins"/> finished ones plus any unfinished.</summary>
    [Id(4)] public List<PlayerSpin> Spins { get; set; } = new();
}
