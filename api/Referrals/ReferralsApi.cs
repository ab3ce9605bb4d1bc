using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Referral.Api.Auth;
using Referral.Api.Infrastructure;
using Referral.Grains.Abstractions.Accounts;
using Referral.Grains.Abstractions.Referrals;
using Referral.Grains.Referrals;

namespace Referral.Api.Referrals;

/// <summary>
/// Players: live campaigns, their personal codes and links, friends and earnings, leaderboards;
/// anyone: <c>GET /r/{code}</c>, which counts the click and sends the browser to signup with the code.
/// </summary>
public static class ReferralsApi
{
    public const int DefaultFriends = 20;
    public const int MaxTake = 100;

    /// <summary>Where a referral link lands (the web client's signup), with <c>?ref=CODE</c>.</summary>
    public const string SignupPath = "/signup";

    public static IEndpointRouteBuilder MapReferralsApi(this IEndpointRouteBuilder app)
    {
        var player = app.MapGroup("/api").WithTags("Referrals")
            .RequireAuthorization(Policies.Player)
            .RequireRateLimiting(RateLimitPolicies.Authenticated);
        player.MapGet("/campaigns", LiveCampaigns).WithName("ListLiveCampaigns");
        player.MapGet("/campaigns/{id:guid}/leaderboard", Leaderboard).WithName("GetLeaderboard");
        player.MapGet("/me/referrals", MyReferrals).WithName("GetMyReferrals");
        player.MapGet("/me/referrals/{campaignId:guid}", MyCampaign).WithName("GetMyCampaignReferrals");
        player.MapGet("/me/referral", MyReferral).WithName("GetMyReferral");

        // Anonymous on purpose: a referral link is opened by someone without an account.
        app.MapGet("/r/{code}", Click).WithName("OpenReferralLink").WithTags("Referrals")
            .AllowAnonymous()
            .RequireRateLimiting(RateLimitPolicies.Authenticated);
        return app;
    }

    private static async Task<Ok<List<CampaignOffer>>> LiveCampaigns(ClaimsPrincipal principal, IGrainFactory grains, TimeProvider time)
    {
        var live = await Live(grains, time);
        return TypedResults.Ok(live.Select(v => CampaignOffer.From(v, principal.UserId())).ToList());
    }

    private static async Task<Ok<List<MyReferralsResponse>>> MyReferrals(
        ClaimsPrincipal principal, HttpContext http, IGrainFactory grains, TimeProvider time, ReferralSignals signals)
    {
        var userId = principal.UserId();
        var name = await DisplayName(grains, userId);
        var pages = new List<MyReferralsResponse>();
        foreach (var campaign in await Live(grains, time))
        {
            pages.Add(await Page(http, grains, signals, campaign, userId, name, 0, DefaultFriends, live: true));
        }

        return TypedResults.Ok(pages);
    }

    private static async Task<Results<Ok<MyReferralsResponse>, ValidationProblem, ProblemHttpResult>> MyCampaign(
        Guid campaignId, int? skip, int? take, ClaimsPrincipal principal, HttpContext http, IGrainFactory grains, TimeProvider time, ReferralSignals signals)
    {
        if (skip is < 0)
        {
            return Problems.Field("skip", "skip must be 0 or more.");
        }

        if (take is < 1 or > MaxTake)
        {
            return Problems.Field("take", $"take must be between 1 and {MaxTake}.");
        }

        // Drafts stay hidden from players; paused and ended campaigns still show their history.
        if (await grains.GetGrain<ICampaignGrain>(campaignId).Get() is not { } campaign || campaign.Status == CampaignStatus.Draft)
        {
            return ReferralProblems.From(ReferralErrors.CampaignNotFound, "No such campaign.");
        }

        var userId = principal.UserId();
        var name = await DisplayName(grains, userId);
        return TypedResults.Ok(await Page(http, grains, signals, campaign, userId, name, skip ?? 0, take ?? DefaultFriends, campaign.IsLive(time.GetUtcNow())));
    }

    private static async Task<Results<Ok<MyReferralResponse>, ProblemHttpResult>> MyReferral(ClaimsPrincipal principal, IGrainFactory grains) =>
        await grains.GetGrain<IReferralGrain>(principal.UserId()).Get() is { } view
            ? TypedResults.Ok(MyReferralResponse.From(view))
            : ReferralProblems.From(ReferralErrors.ReferralNotFound, "Nobody referred you.");

    private static async Task<Results<Ok<LeaderboardView>, ProblemHttpResult>> Leaderboard(Guid id, ClaimsPrincipal principal, IGrainFactory grains)
    {
        if (await grains.GetGrain<ICampaignGrain>(id).Get() is not { Status: not CampaignStatus.Draft })
        {
            return ReferralProblems.From(ReferralErrors.CampaignNotFound, "No such campaign.");
        }

        return TypedResults.Ok(await grains.GetGrain<ICampaignLeaderboardGrain>(id).View(principal.UserId(), CampaignLeaderboardGrain.MaxTop));
    }

    private static async Task<RedirectHttpResult> Click(string code, HttpContext http, IGrainFactory grains, TimeProvider time, ReferralSignals signals)
    {
        var normalized = ReferralCodes.Normalize(code);
        if (normalized is not null && await grains.GetGrain<IReferralCodeGrain>(normalized).Click(signals.Click(http, time.GetUtcNow())) is not null)
        {
            return TypedResults.Redirect($"{SignupPath}?ref={normalized}");
        }

        // A mistyped or dead link still lands on signup, flagged so the page can say so.
        return TypedResults.Redirect($"{SignupPath}?ref_error=unknown_code");
    }

    private static async Task<MyReferralsResponse> Page(
        HttpContext http, IGrainFactory grains, ReferralSignals signals, CampaignView campaign, Guid userId, string name, int skip, int take, bool live)
    {
        var referrer = grains.GetGrain<IReferrerGrain>(ReferrerKeys.For(campaign.Id, userId));
        string? code = null;
        if (live)
        {
            code = await referrer.Code(name);
            await referrer.Seen(signals.Seen(http, null));
        }

        var summary = await referrer.Summary(skip, take);
        code ??= summary.Code;
        var link = code is null ? null : $"{http.Request.Scheme}://{http.Request.Host}/r/{code}";
        return new MyReferralsResponse(CampaignOffer.From(campaign, userId), code, link, summary.Clicks, summary.Rewarded,
            summary.MilestonesReached, summary.Friends, summary.FriendsTotal);
    }

    private static async Task<List<CampaignView>> Live(IGrainFactory grains, TimeProvider time)
    {
        var now = time.GetUtcNow();
        var ids = await grains.GetGrain<ICampaignDirectoryGrain>(0).All();
        var views = await Task.WhenAll(ids.Select(id => grains.GetGrain<ICampaignGrain>(id).Get().AsTask()));
        return [.. views.OfType<CampaignView>().Where(v => v.IsLive(now)).OrderBy(v => v.CreatedAt)];
    }

    private static async Task<string> DisplayName(IGrainFactory grains, Guid userId) =>
        (await grains.GetGrain<IUserGrain>(userId).Find())?.DisplayName ?? "";
}
