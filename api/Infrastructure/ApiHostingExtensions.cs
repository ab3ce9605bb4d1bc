using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Referral.Api.Hubs;

namespace Referral.Api.Infrastructure;

/// <summary>The front door's own services: errors, OpenAPI (with the bearer scheme), SignalR.</summary>
public static class ApiHostingExtensions
{
    /// <summary>
    /// Hub messages from clients are small commands (join, answer, spin); a low cap stops a client
    /// from making the server buffer megabytes per connection. Default SignalR allows 32 KB.
    /// </summary>
    public const long MaximumHubMessageBytes = 8 * 1024;

    public static IHostApplicationBuilder AddReferralApi(this IHostApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            ctx.ProblemDetails.Extensions.TryAdd("traceId", ctx.HttpContext.TraceIdentifier);
            if (!ctx.ProblemDetails.Extensions.ContainsKey("code"))
            {
                ctx.ProblemDetails.Extensions["code"] = ProblemCodes.FromStatus(ctx.ProblemDetails.Status);
            }
        });
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = false);
        builder.Services.AddOpenApi(o =>
        {
            o.AddDocumentTransformer<BearerSecurityTransformer>();
            o.AddOperationTransformer<BearerSecurityTransformer>();
        });
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSignalR(o => o.MaximumReceiveMessageSize = MaximumHubMessageBytes);
        // Every hub's first filter (GameHub's own filters come after it); its instance is registered
        // with the account services. As an instance for the reason given at AddGameHubFilter.
        builder.Services.AddOptions<HubOptions>().Configure<HubAccessFilter>((o, filter) => o.AddFilter(filter));
        builder.Services.Configure<FormOptions>(o => o.MultipartBodyLengthLimit = 1024 * 1024);
        return builder;
    }

    /// <summary>
    /// A <see cref="GameHub"/> filter, one instance for the process. Registered as that instance,
    /// not by type: SignalR wraps a filter registered by type in an async layer that resolves it
    /// from the call's services on every hub call, connect and disconnect.
    /// </summary>
    public static IServiceCollection AddGameHubFilter<TFilter>(this IServiceCollection services)
        where TFilter : class, IHubFilter
    {
        services.AddSingleton<TFilter>();
        // The hub's own options exist only once AddHubOptions registered SignalR's setup for them,
        // which replaces the hub's filter list with a copy of the global one (HubAccessFilter
        // first) while configuring: hence after configuration.
        services.AddSignalR().AddHubOptions<GameHub>(static _ => { });
        services.AddOptions<HubOptions<GameHub>>().PostConfigure<TFilter>((o, filter) => o.AddFilter(filter));
        return services;
    }
}
