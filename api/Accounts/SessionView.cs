namespace Referral.Api.Accounts;

/// <summary>One signed-in device of the caller; <paramref name="Current"/> marks the one making the request.</summary>
public sealed record SessionView(Guid SessionId, string? Device, DateTimeOffset CreatedAt, DateTimeOffset LastUsedAt, DateTimeOffset ExpiresAt, bool Current);
