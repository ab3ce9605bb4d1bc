namespace Referral.Grains.Abstractions.Operations;

/// <summary>
/// One api node's periodic report: its open hub connections now, and what it counted since its
/// previous report, per UTC day. <paramref name="Ttl"/> is how long the connection count stands
/// without a newer report (a node that died stops counting after it).
/// </summary>
[GenerateSerializer, Immutable, Alias("Referral.Operations.NodeReport")]
public sealed record NodeReport(
    [property: Id(0)] Guid NodeId,
    [property: Id(1)] int Connections,
    [property: Id(2)] IReadOnlyList<DayCount> Counts,
    [property: Id(3)] TimeSpan Ttl);
