namespace Referral.Grains.Diagnostics;

[GenerateSerializer, Alias("Referral.ProbeState")]
public sealed class ProbeState
{
    [Id(0)] public string? Value { get; set; }

    [Id(1)] public long Writes { get; set; }

    [Id(2)] public DateTimeOffset? UpdatedAt { get; set; }
}
