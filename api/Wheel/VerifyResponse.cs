namespace Referral.Api.Wheel;

/// <summary>The recomputed spin: the seed's hash (compare with the one published), the roll, its value in [0, 1) and the segment index.</summary>
public sealed record VerifyResponse(string ServerSeedHash, string Roll, double Value, int SegmentIndex);
