using Referral.Grains.Abstractions.Wheel;

namespace Referral.Grains.Wheel;

/// <summary>One spin of a player: the outbox record that lets any activation finish it.</summary>
[GenerateSerializer, Alias("Referral.Wheel.PlayerSpin")]
public sealed class PlayerSpin
{
    [Id(0)] public string SpinId { get; set; } = "";

    [Id(1)] public string WheelId { get; set; } = "";

    [Id(2)] public SpinStage Stage { get; set; }

    [Id(3)] public bool Free { get; set; }

    [Id(4)] public int Cost { get; set; }

    [Id(5)] public string SeedHash { get; set; } = "";

    [Id(6)] public string ClientSeed { get; set; } = "";

    [Id(7)] public long Nonce { get; set; }

    [Id(8)] public ulong Roll { get; set; }

    [Id(9)] public DateTimeOffset At { get; set; }

    [Id(10)] public DateOnly Day { get; set; }

    [Id(11)] public DrawResult? Draw { get; set; }

    [Id(12)] public string? Code { get; set; }

    public bool Finished => Stage is SpinStage.Completed or SpinStage.Refunded;

    public string CostKey => $"wheel:{WheelId}:{SpinId}:cost";

    public string PrizeKey => $"wheel:{WheelId}:{SpinId}:prize";

    public string RefundKey => $"wheel:{WheelId}:{SpinId}:refund";
}
