using Referral.Api.Accounts;
using Referral.Grains.Abstractions.Accounts;

namespace Referral.Api.Auth;

/// <summary>Turns a refresh-token grant from the user grain into the response with a fresh access token.</summary>
public sealed class SessionResponses(AccessTokenIssuer issuer, TimeProvider time)
{
    public AuthResponse From(SessionGrant grant)
    {
        ArgumentNullException.ThrowIfNull(grant);
        var access = issuer.Issue(grant.User, grant.FamilyId);
        var expiresIn = (int)Math.Max(0, (access.ExpiresAt - time.GetUtcNow()).TotalSeconds);
        return new AuthResponse(
            access.Token,
            "Bearer",
            expiresIn,
            access.ExpiresAt,
            grant.RefreshToken,
            grant.ExpiresAt,
            grant.FamilyId,
            UserResponse.From(grant.User));
    }
}
