namespace Referral.Grains.Wheel;

/// <summary>One server seed of a player; revealed (and no longer used) once rotated.</summary>
[GenerateSerializer, Alias("Referral.Wheel.ServerSeedRecord")]
public sealed class ServerSeedRecord
{
    [Id(0)] public string Seed { get; set; } = "";

    [Id(1)] public string Hash { get; set; } = "";

    [Id(2)] public DateTimeOffset CreatedAt { get; set; }

    [Id(3)] public DateTimeOffset? RevealedAt { get; set; }
}
