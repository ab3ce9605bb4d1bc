namespace Referral.Api.Wheel;

/// <summary>Body of <c>PUT /api/me/wheel/client-seed</c>.</summary>
public sealed record ClientSeedRequest(string? ClientSeed);
