using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Referral.Grains.Abstractions.Accounts;

namespace Referral.Api.Auth;

/// <summary>
/// Hooks of the JWT bearer handler: the hub's token from the query string, and a check of every
/// validated token against the live user, so a deleted user's tokens stop working at once and a
/// role taken away is gone at once (a role granted arrives with the next refresh).
/// </summary>
public sealed class AccessTokenEvents : JwtBearerEvents
{
    /// <summary>Where SignalR hubs are mapped; only there is a token accepted from the query string.</summary>
    public const string HubPathPrefix = "/hubs";

    public override Task MessageReceived(MessageReceivedContext context)
    {
        // Browsers cannot set headers on a WebSocket handshake, so SignalR clients send the token
        // as access_token in the query string. Accept it on hub paths only: elsewhere a token in
        // a URL would end up in proxy logs and browser history for no reason.
        var request = context.HttpContext.Request;
        if (request.Path.StartsWithSegments(HubPathPrefix)
            && string.IsNullOrEmpty(request.Headers.Authorization)
            && request.Query["access_token"] is [{ Length: > 0 } token])
        {
            context.Token = token;
        }

        return Task.CompletedTask;
    }

    /// <summary>Whether a request carries a token at all, valid or not: an Authorization header, or access_token on a hub path.</summary>
    public static bool PresentsToken(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Headers.Authorization.Count > 0
            || (request.Path.StartsWithSegments(HubPathPrefix) && request.Query.ContainsKey("access_token"));
    }

    public override async Task TokenValidated(TokenValidatedContext context)
    {
        var principal = context.Principal;
        if (principal?.Identity is not ClaimsIdentity identity || !Guid.TryParse(principal.FindFirstValue(TokenClaims.Subject), out var userId))
        {
            context.Fail("The access token names no user.");
            return;
        }

        // One call to an activated grain per request (per connection for the hub): the price of
        // immediate revocation. Tokens are bound to their session (sid), so logout, ending a
        // session and refresh-token reuse end the access tokens of that session at once.
        if (!Guid.TryParse(principal.FindFirstValue(TokenClaims.SessionId), out var sessionId))
        {
            context.Fail("The access token names no session.");
            return;
        }

        var grains = context.HttpContext.RequestServices.GetRequiredService<IGrainFactory>();
        var user = await grains.GetGrain<IUserGrain>(userId).FindSession(sessionId);
        if (user is null || user.Deleted)
        {
            context.Fail("The session has ended or the user no longer exists.");
            return;
        }

        // Never more than the token was signed with, never more than the user has now.
        foreach (var claim in identity.FindAll(TokenClaims.Role).ToList())
        {
            if (!user.Roles.Contains(claim.Value, StringComparer.Ordinal))
            {
                identity.RemoveClaim(claim);
            }
        }
    }
}
