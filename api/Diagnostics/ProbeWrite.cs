namespace Referral.Api.Diagnostics;

/// <summary>Body of <c>PUT /api/diagnostics/probes/{key}</c>.</summary>
public sealed record ProbeWrite(string? Value);
