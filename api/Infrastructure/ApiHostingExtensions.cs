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
        builder.Services.AddSignalR(o =>
        {
            o.MaximumReceiveMessageSize = MaximumHubMessageBytes;
            o.AddFilter<HubAccessFilter>();
        });
        builder.Services.Configure<FormOptions>(o => o.MultipartBodyLengthLimit = 1024 * 1024);
        return builder;
    }
}
