namespace Referral.Testing;

/// <summary>A signed-in user as a test holds it: the tokens of its latest sign-in or refresh, and its credentials.</summary>
public sealed record TestUser(
    Guid Id,
    string AccessToken,
    string RefreshToken,
    Guid SessionId,
    IReadOnlyList<string> Roles,
    string? Email = null,
    string? Password = null,
    string? DeviceId = null);
