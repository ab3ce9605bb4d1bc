using Referral.Api.Auth;
using Referral.Api.Infrastructure;

namespace Referral.Api.Hubs;

/// <summary>
/// Refuses hub requests (negotiate and the WebSocket handshake) from browser pages whose Origin is
/// not in <c>Auth:AllowedOrigins</c>, before any upgrade. CORS does not apply to WebSockets, so
/// without this any web page could open a hub connection with a token it got hold of. Requests
/// without Origin come from native apps and servers, which a browser policy cannot describe.
/// </summary>
public sealed class HubOriginCheck(RequestDelegate next, AllowedOriginList origins)
{
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var origin = context.Request.Headers.Origin;
        var allowed = !context.Request.Path.StartsWithSegments(AccessTokenEvents.HubPathPrefix)
            || origin.Count == 0
            || (origin.Count == 1 && (origins.IsAllowed(origin[0] ?? string.Empty) || IsSameOrigin(context.Request, origin[0])));
        if (allowed)
        {
            await next(context);
            return;
        }

        await Refuse(context);
    }

    /// <summary>
    /// The web client this api serves itself (wwwroot) connects from the api's own origin, which
    /// needs no listing: a browser always sends the real Host of the page it is on, so another
    /// site cannot pass for it.
    /// </summary>
    private static bool IsSameOrigin(HttpRequest request, string? origin) =>
        AllowedOriginList.Normalize(origin) is { } normalized
        && string.Equals(normalized, AllowedOriginList.Normalize($"{request.Scheme}://{request.Host}"), StringComparison.Ordinal);

    private static async Task Refuse(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails =
            {
                Status = StatusCodes.Status403Forbidden,
                Title = "This origin may not connect to the hub.",
                Extensions = { ["code"] = ProblemCodes.OriginNotAllowed },
            },
        });
    }
}
