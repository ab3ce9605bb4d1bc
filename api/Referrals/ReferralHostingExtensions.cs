using Microsoft.AspNetCore.SignalR;
using Referral.Api.Hubs;

namespace Referral.Api.Referrals;

/// <summary>The referral engine in the front door: signals, signup hook, live relay, endpoints.</summary>
public static class ReferralHostingExtensions
{
    public static IHostApplicationBuilder AddReferralReferrals(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ReferralSignals>();
        builder.Services.AddSingleton<ReferralSignups>();
        builder.Services.AddSingleton<ReferralRelay>();
        // In DI, so SignalR uses this one instance instead of building one per hub call.
        builder.Services.AddSingleton<ReferralDisconnectFilter>();
        builder.Services.AddSignalR().AddHubOptions<GameHub>(o => o.AddFilter<ReferralDisconnectFilter>());
        return builder;
    }

    public static IEndpointRouteBuilder MapReferralEngine(this IEndpointRouteBuilder app)
    {
        app.MapReferralsApi();
        app.MapCampaignAdminApi();
        return app;
    }
}
