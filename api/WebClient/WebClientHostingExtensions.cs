using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Net.Http.Headers;

namespace Referral.Api.WebClient;

/// <summary>
/// Serves the web client built into wwwroot (api/web, docs/web-client.md): static files first in
/// the pipeline (for paths the server does not own), so they are public and never reach
/// authorization, and index.html for the
/// client's routes. Hashed assets are cached for a year; everything else is revalidated, so a new
/// build shows up at the next load.
/// </summary>
public static class WebClientHostingExtensions
{
    public const string IndexFile = "index.html";

    /// <summary>The fallback route: every client path (see <see cref="ClientRouteConstraint"/>).</summary>
    public const string FallbackPattern = "{*path:" + ClientRouteConstraint.Name + "}";

    public static IHostApplicationBuilder AddReferralWebClient(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<RouteOptions>(o => o.SetParameterPolicy<ClientRouteConstraint>(ClientRouteConstraint.Name));
        return builder;
    }

    public static WebApplication UseReferralWebClient(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // Not for the server's own paths: the default-files step looks for a directory on disk
        // for every request it sees, which every api call and game connection would pay for.
        app.UseWhen(
            static context => !ClientRouteConstraint.IsServerPath(context.Request.Path),
            static files =>
            {
                files.UseDefaultFiles();
                files.UseStaticFiles(new StaticFileOptions { OnPrepareResponse = SetCacheHeaders });
            });
        return app;
    }

    public static IEndpointRouteBuilder MapReferralWebClient(this IEndpointRouteBuilder app)
    {
        // Anonymous on purpose: the app shell holds no data; every api call it makes is authorized on its own.
        app.MapFallbackToFile(FallbackPattern, IndexFile, new StaticFileOptions { OnPrepareResponse = SetCacheHeaders })
            .AllowAnonymous();
        return app;
    }

    private static void SetCacheHeaders(StaticFileResponseContext context)
    {
        var headers = context.Context.Response.Headers;
        headers[HeaderNames.CacheControl] = context.Context.Request.Path.StartsWithSegments("/assets")
            ? "public, max-age=31536000, immutable"
            : "no-cache";
    }
}
