namespace Referral.Api.Hubs;

/// <summary>Server time in Unix milliseconds.</summary>
public sealed record ServerClock(long ServerTimeMs);
