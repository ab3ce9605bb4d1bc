namespace Referral.Grains.Abstractions.Diagnostics;

/// <summary>What a probe holds and which silo answered.</summary>
/// <param name="Key">The probe's key.</param>
/// <param name="Value">The last value written, or null when never written.</param>
/// <param name="Writes">How many writes the probe has persisted.</param>
/// <param name="UpdatedAt">Server time of the last write.</param>
/// <param name="Silo">Address of the silo hosting the activation that answered.</param>
[GenerateSerializer, Immutable, Alias("Referral.ProbeView")]
public sealed record ProbeView(
    [property: Id(0)] string Key,
    [property: Id(1)] string? Value,
    [property: Id(2)] long Writes,
    [property: Id(3)] DateTimeOffset? UpdatedAt,
    [property: Id(4)] string Silo);
