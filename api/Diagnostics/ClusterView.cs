namespace Referral.Api.Diagnostics;

/// <summary>Every silo the membership table knows, with its status.</summary>
public sealed record ClusterView(IReadOnlyList<SiloView> Silos);
