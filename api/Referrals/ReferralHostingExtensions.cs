using Referral.Api.Infrastructure;

namespace Referral.Api.Referrals;

/// <summary>The referral engine in the front door: signals, signup hook, live relay, endpoints.</summary>
public static class ReferralHostingExtensions
{
    public static IHostApplicationBuilder AddReferralReferrals(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ReferralSignals>();
        builder.Services.AddSingleton<ReferralSignups>();
        builder.Services.AddSingleton<ReferralRelay>();
        builder.Services.AddGameHubFilter<ReferralDisconnectFilter>();
        return builder;
    }

    public static IEndpointRouteBuilder MapReferralEngine(this IEndpointRouteBuilder app)
    {
        app.MapReferralsApi();
        app.MapCampaignAdminApi();
        return app;
    }
}
