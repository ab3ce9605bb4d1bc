using Microsoft.AspNetCore.SignalR;
using Referral.Api.Hubs;

namespace Referral.Api.Wheel;

/// <summary>Wheels in the front door: the relay, its hub filter and the REST endpoints.</summary>
public static class WheelHostingExtensions
{
    public static IHostApplicationBuilder AddReferralWheels(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<WheelRelay>();
        // In DI, so SignalR uses this one instance instead of building one per hub call.
        builder.Services.AddSingleton<WheelDisconnectFilter>();
        builder.Services.AddSignalR().AddHubOptions<GameHub>(o => o.AddFilter<WheelDisconnectFilter>());
        return builder;
    }

    public static IEndpointRouteBuilder MapReferralWheels(this IEndpointRouteBuilder app)
    {
        app.MapWheelsAdminApi();
        app.MapWheelsApi();
        return app;
    }
}
