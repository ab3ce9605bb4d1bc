namespace Referral.Api.Wheel;

/// <summary>Body of <c>POST /api/wheels/{id}/spins</c>: an id the client generated (repeat it to retry).</summary>
public sealed record SpinRequest(string? SpinId);
