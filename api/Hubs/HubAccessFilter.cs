using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.SignalR;
using Referral.Api.Auth;
using Referral.Api.Infrastructure;

namespace Referral.Api.Hubs;

/// <summary>
/// Who may call what on the hub. A connection opened with a valid access token is signed in; one
/// opened without a token is anonymous: it may call only the methods marked
/// <see cref="AllowAnonymousAttribute"/> (<c>SignInGuest</c>, <c>JoinRoomAsGuest</c>), and is closed if it has not signed
/// in within <c>Auth:AnonymousHubTimeout</c>; one address may hold at most
/// <c>Auth:AnonymousHubConnectionsPerAddress</c> of them at once (<c>rate_limited</c> closes the
/// next). Every other method needs a signed-in caller whose
/// access token has not expired: exp exactly, with no clock skew (the skew is for tokens minted on
/// another node's clock, and clients know exp and refresh before it). Without the expiry check a
/// connection would keep a user's authority for as long as the socket stays up. A connection that
/// signed in on the hub is closed when its token expires, as SignalR closes one that connected
/// with a token (<c>CloseOnAuthenticationExpiration</c>).
/// </summary>
public sealed class HubAccessFilter(TimeProvider time, AuthOptions auth, AnonymousHubSlots anonymous) : IHubFilter
{
    public const string ExpiredMessage = "The access token has expired: refresh it and reconnect.";

    public const string SignInRequired = "sign_in_required";

    public const string AlreadySignedIn = "already_signed_in";

    private static readonly ConcurrentDictionary<MethodInfo, bool> Anonymous = new();

    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (IsSignedIn(context.Context.User))
        {
            await next(context);
            return;
        }

        var address = RateLimitingExtensions.ClientIp(context.Context);
        if (!anonymous.TryTake(address))
        {
            // Closes the connection; the client's close error carries this message.
            throw new HubException(string.Create(
                CultureInfo.InvariantCulture,
                $"{ProblemCodes.RateLimited}: Too many connections from this address are waiting to sign in (at most {auth.AnonymousHubConnectionsPerAddress}); sign in on them or close them, then connect again."));
        }

        // The heartbeat (once a second per connection) closes it at its deadline: no timer per connection.
        var deadline = new HubDeadline(context.Context, time, time.GetUtcNow() + auth.AnonymousHubTimeout, anonymous, address);
        context.Context.Features.Set(deadline);
        context.Context.Features.Get<IConnectionHeartbeatFeature>()?.OnHeartbeat(static s => ((HubDeadline)s).Check(), deadline);
        try
        {
            await next(context);
        }
        catch
        {
            // A connection that fails to connect gets no disconnect call.
            deadline.ReleaseSlot();
            throw;
        }
    }

    public Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        context.Context.Features.Get<HubDeadline>()?.ReleaseSlot();
        return next(context, exception);
    }

    public ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        ArgumentNullException.ThrowIfNull(invocationContext);
        ArgumentNullException.ThrowIfNull(next);
        if (Anonymous.GetOrAdd(invocationContext.HubMethod, static m => m.IsDefined(typeof(AllowAnonymousAttribute), inherit: true)))
        {
            return next(invocationContext);
        }

        var user = invocationContext.Context.User;
        if (!IsSignedIn(user))
        {
            throw new HubException($"{SignInRequired}: Sign in first: call SignInGuest on this connection, or connect with an access token.");
        }

        var exp = user!.FindFirst(TokenClaims.Expires)?.Value;
        if (!long.TryParse(exp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || time.GetUtcNow() >= DateTimeOffset.FromUnixTimeSeconds(seconds))
        {
            throw new HubException(ExpiredMessage);
        }

        return next(invocationContext);
    }

    /// <summary>Whether the caller of a hub connection is signed in (by its token, or on the hub).</summary>
    public static bool IsSignedIn(ClaimsPrincipal? user) => user?.Identity?.IsAuthenticated == true;

    /// <summary>
    /// Starts signing an anonymous connection in; <see cref="HubSignIn.Complete"/> makes it that
    /// user's until it closes, disposing without completing leaves it anonymous. Null when the
    /// connection is signed in already or another sign-in on it is under way.
    /// </summary>
    public static HubSignIn? BeginSignIn(HubCallerContext connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return !IsSignedIn(connection.User)
            && connection.User is { } user
            && connection.Features.Get<HubDeadline>() is { } deadline
            && deadline.TryBeginSignIn()
                ? new HubSignIn(user, deadline)
                : null;
    }

    /// <summary>
    /// A request to a hub path that presents no valid token gets a principal with no identity,
    /// instead of the usual one with an unauthenticated identity (see <see cref="HubSignIn"/>).
    /// Runs after authentication.
    /// </summary>
    public static void UseAnonymousHubPrincipal(IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Use(static (context, next) =>
        {
            if (context.Request.Path.StartsWithSegments(AccessTokenEvents.HubPathPrefix) && !IsSignedIn(context.User))
            {
                context.User = new ClaimsPrincipal();
            }

            return next(context);
        });
    }
}
