namespace Referral.Grains.Operations;

/// <summary>
/// Open rooms (id → opened at) and per-day totals. Node connection counts are not stored: they
/// are back within one report interval after a restart.
/// </summary>
[GenerateSerializer, Alias("Referral.Operations.OperationsState")]
public sealed class OperationsState
{
    [Id(0)] public Dictionary<Guid, DateTimeOffset> Rooms { get; set; } = new();

    [Id(1)] public Dictionary<DateOnly, long> Signups { get; set; } = new();

    [Id(2)] public Dictionary<DateOnly, long> Referrals { get; set; } = new();
}
