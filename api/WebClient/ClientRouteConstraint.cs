namespace Referral.Api.WebClient;

/// <summary>
/// Matches the web client's own routes (<c>/join</c>, <c>/play/…</c>, <c>/host/…</c>) for the
/// index.html fallback, and nothing the server owns: paths under the api, the hub, health, OpenAPI
/// and referral links (<c>/r/…</c>) keep their own 404s, and a path whose last segment looks like a
/// file (<c>/assets/x.js</c>) is a missing file, not a page.
/// </summary>
public sealed class ClientRouteConstraint : IRouteConstraint
{
    public const string Name = "clientroute";

    private static readonly string[] ServerPrefixes = ["api", "hubs", "health", "openapi", "r"];

    private static readonly PathString[] ServerPaths = [.. ServerPrefixes.Select(p => new PathString("/" + p))];

    public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection)
    {
        ArgumentNullException.ThrowIfNull(values);
        var path = values.TryGetValue(routeKey, out var value) ? value?.ToString() ?? "" : "";
        return IsClientPath(path);
    }

    /// <summary>Whether a request path is under a prefix the server owns (api, hub, health, OpenAPI, referral links).</summary>
    public static bool IsServerPath(PathString path)
    {
        foreach (var prefix in ServerPaths)
        {
            if (path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    public static bool IsClientPath(string path)
    {
        path = path.TrimStart('/');
        var first = path.Split('/', 2)[0];
        if (ServerPrefixes.Contains(first, StringComparer.OrdinalIgnoreCase))
        {
            return false;
        }

        var last = path[(path.LastIndexOf('/') + 1)..];
        return !last.Contains('.', StringComparison.Ordinal);
    }
}
