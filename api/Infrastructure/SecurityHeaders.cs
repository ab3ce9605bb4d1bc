using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace Referral.Api.Infrastructure;

/// <summary>
/// Headers on every response, error pages included (not on WebSocket upgrades). The api serves
/// JSON only, so the policy allows nothing to load, frame or submit: a response rendered by a
/// browser by mistake can do nothing.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    public const string ContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    /// <summary>
    /// The web client's pages (everything outside the api, hub, health and OpenAPI paths): scripts,
    /// styles and connections from this origin only (no inline script or style), images also from
    /// https (quiz authors may link pictures) and data: URLs.
    /// </summary>
    public const string WebClientContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: https:; "
        + "connect-src 'self'; font-src 'self'; manifest-src 'self'; worker-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (IsWebSocketUpgrade(context))
        {
            // A 101 Switching Protocols has no body for a browser to render, and browsers apply
            // none of these to a WebSocket; seven headers per game connection would buy nothing.
            return next(context);
        }

        // Set when the headers go out, not now: the exception handler clears the response
        // (headers included) before it writes an error.
        context.Response.OnStarting(static state =>
        {
            var http = (HttpContext)state;
            var headers = http.Response.Headers;
            headers[HeaderNames.ContentSecurityPolicy] = IsServerPath(http.Request.Path) ? ContentSecurityPolicy : WebClientContentSecurityPolicy;
            headers[HeaderNames.XContentTypeOptions] = "nosniff";
            headers[HeaderNames.XFrameOptions] = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            headers["Cross-Origin-Resource-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";

            // Api answers carry tokens and personal data: no shared or browser cache may keep them.
            if (http.Request.Path.StartsWithSegments("/api") && !headers.ContainsKey(HeaderNames.CacheControl))
            {
                headers[HeaderNames.CacheControl] = "no-store";
            }

            return Task.CompletedTask;
        }, context);
        return next(context);
    }

    /// <summary>
    /// A WebSocket handshake (HTTP/1.1 Upgrade, or HTTP/2 extended CONNECT). Read from the request
    /// itself: <c>HttpContext.WebSockets</c> only knows once the WebSockets middleware has run, which
    /// for SignalR is inside the hub's endpoint, long after this.
    /// </summary>
    private static bool IsWebSocketUpgrade(HttpContext context) =>
        context.Features.Get<IHttpExtendedConnectFeature>() is { IsExtendedConnect: true, Protocol: var protocol }
            ? string.Equals(protocol, "websocket", StringComparison.OrdinalIgnoreCase)
            : context.Features.Get<IHttpUpgradeFeature>() is { IsUpgradableRequest: true }
                && string.Equals(context.Request.Headers.Upgrade.ToString(), "websocket", StringComparison.OrdinalIgnoreCase);

    private static bool IsServerPath(PathString path) =>
        path.StartsWithSegments("/api") || path.StartsWithSegments("/hubs") || path.StartsWithSegments("/health") || path.StartsWithSegments("/openapi");
}
