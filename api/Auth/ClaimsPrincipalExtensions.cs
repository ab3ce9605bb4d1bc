using System.Security.Claims;

namespace Referral.Api.Auth;

/// <summary>The ids an authenticated request acts for, read from its validated access token.</summary>
public static class ClaimsPrincipalExtensions
{
    /// <summary>The <c>sub</c> claim; only called behind a policy, so a missing one is a server bug.</summary>
    public static Guid UserId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(TokenClaims.Subject), out var id)
            ? id
            : throw new InvalidOperationException("The access token has no user id; the endpoint must require authorization.");

    /// <summary>The <c>sid</c> claim (refresh-token family), or null on tokens without one.</summary>
    public static Guid? SessionId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(TokenClaims.SessionId), out var id) ? id : null;
}
