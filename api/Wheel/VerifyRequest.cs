namespace Referral.Api.Wheel;

/// <summary>Body of <c>POST /api/wheel/verify</c>: a revealed server seed and the spin's client seed, nonce and effective weights.</summary>
public sealed record VerifyRequest(string? ServerSeed, string? ClientSeed, long? Nonce, IReadOnlyList<long>? Weights);
