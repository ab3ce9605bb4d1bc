namespace Referral.Api.Auth;

/// <summary>A signed access token and the moment it stops being accepted.</summary>
public sealed record AccessToken(string Token, DateTimeOffset ExpiresAt);
