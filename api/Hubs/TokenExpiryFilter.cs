using System.Globalization;
using Microsoft.AspNetCore.SignalR;
using Referral.Api.Auth;

namespace Referral.Api.Hubs;

/// <summary>
/// Refuses every hub invocation once the connection's access token has expired. The token is
/// checked only when the connection opens; without this, a connection would keep a user's
/// authority for as long as the socket stays up. The check uses exp exactly, with no clock skew:
/// the skew is for tokens minted on another node's clock, and clients know exp and refresh
/// before it (then reconnect with the new token).
/// </summary>
public sealed class TokenExpiryFilter(TimeProvider time) : IHubFilter
{
    public const string ExpiredMessage = "The access token has expired: refresh it and reconnect.";

    public ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        ArgumentNullException.ThrowIfNull(invocationContext);
        ArgumentNullException.ThrowIfNull(next);
        var exp = invocationContext.Context.User?.FindFirst(TokenClaims.Expires)?.Value;
        if (!long.TryParse(exp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || time.GetUtcNow() >= DateTimeOffset.FromUnixTimeSeconds(seconds))
        {
            throw new HubException(ExpiredMessage);
        }

        return next(invocationContext);
    }
}
