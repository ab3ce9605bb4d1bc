using Referral.Grains.Abstractions.Wheel;

namespace Referral.Grains.Wheel;

[GenerateSerializer, Alias("Referral.Wheel.WheelState")]
public sealed class WheelState
{
    [Id(0)] public bool Created { get; set; }

    [Id(1)] public bool Deleted { get; set; }

    [Id(2)] public WheelDefinition? Definition { get; set; }

    [Id(3)] public DateTimeOffset CreatedAt { get; set; }

    [Id(4)] public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Wins per segment id, kept across edits: stock left = the segment's stock − wins.</summary>
    [Id(5)] public Dictionary<string, int> Won { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Code segments whose pool ran dry; cleared when an admin saves the wheel.</summary>
    [Id(6)] public HashSet<string> Depleted { get; set; } = new(StringComparer.Ordinal);

    [Id(7)] public long Sequence { get; set; }

    /// <summary>
    /// Draws that changed something (took stock, reserved a code, broadcast a big win), by
    /// "userId:spinId", so a retried spin gets the same segment and never takes stock twice.
    /// Other draws change nothing here and are simply drawn again with the same roll.
    /// </summary>
    [Id(8)] public Dictionary<string, RecordedDraw> Draws { get; set; } = new(StringComparer.Ordinal);
}
