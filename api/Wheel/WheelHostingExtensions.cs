using Referral.Api.Infrastructure;

namespace Referral.Api.Wheel;

/// <summary>Wheels in the front door: the relay, its hub filter and the REST endpoints.</summary>
public static class WheelHostingExtensions
{
    public static IHostApplicationBuilder AddReferralWheels(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<WheelRelay>();
        builder.Services.AddGameHubFilter<WheelDisconnectFilter>();
        return builder;
    }

    public static IEndpointRouteBuilder MapReferralWheels(this IEndpointRouteBuilder app)
    {
        app.MapWheelsAdminApi();
        app.MapWheelsApi();
        return app;
    }
}
