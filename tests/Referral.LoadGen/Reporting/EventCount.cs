namespace Referral.LoadGen.Reporting;

/// <summary>How many events of one name the players received, and their bytes on the wire.</summary>
public sealed record EventCount(long Count, long Bytes);
