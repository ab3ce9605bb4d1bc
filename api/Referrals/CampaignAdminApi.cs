using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Referral.Api.Auth;
using Referral.Api.Infrastructure;
using Referral.Grains.Abstractions.Referrals;

namespace Referral.Api.Referrals;

/// <summary>
/// Operators run campaigns and the fraud review queue. Every decision on a referral is recorded
/// in that referral's audit trail with the deciding admin's id.
/// </summary>
public static class CampaignAdminApi
{
    public const int MaxTake = 100;

    public static IEndpointRouteBuilder MapCampaignAdminApi(this IEndpointRouteBuilder app)
    {
        var campaigns = app.MapGroup("/api/admin/campaigns").WithTags("Admin: campaigns")
            .RequireAuthorization(Policies.Admin)
            .RequireRateLimiting(RateLimitPolicies.Authenticated);
        campaigns.MapPost("", Create).WithName("CreateCampaign");
        campaigns.MapGet("", List).WithName("ListCampaigns");
        campaigns.MapGet("/{id:guid}", Get).WithName("GetCampaign");
        campaigns.MapPut("/{id:guid}", Update).WithName("UpdateCampaign");
        campaigns.MapPost("/{id:guid}/status", SetStatus).WithName("SetCampaignStatus");

        var referrals = app.MapGroup("/api/admin/referrals").WithTags("Admin: referrals")
            .RequireAuthorization(Policies.Admin)
            .RequireRateLimiting(RateLimitPolicies.Authenticated);
        referrals.MapGet("/review", ReviewQueue).WithName("ListReviewQueue");
        referrals.MapGet("/{refereeId:guid}", GetReferral).WithName("GetReferral");
        referrals.MapPost("/{refereeId:guid}/approve", Approve).WithName("ApproveReferral");
        referrals.MapPost("/{refereeId:guid}/reject", Reject).WithName("RejectReferral");
        referrals.MapPost("/{refereeId:guid}/reverse", Reverse).WithName("ReverseReferral");
        return app;
    }

    private static async Task<IResult> Create(CampaignRequest body, IGrainFactory grains)
    {
        var id = Guid.NewGuid();
        var outcome = await grains.GetGrain<ICampaignGrain>(id).Create(body.ToDefinition());
        return outcome.Ok
            ? TypedResults.Created($"/api/admin/campaigns/{id}", CampaignResponse.From(outcome.Campaign!))
            : ReferralProblems.Campaign(outcome);
    }

    private static async Task<Ok<List<CampaignResponse>>> List(IGrainFactory grains)
    {
        var ids = await grains.GetGrain<ICampaignDirectoryGrain>(0).All();
        var views = await Task.WhenAll(ids.Select(id => grains.GetGrain<ICampaignGrain>(id).Get().AsTask()));
        return TypedResults.Ok(views.OfType<CampaignView>().OrderByDescending(v => v.CreatedAt).Select(CampaignResponse.From).ToList());
    }

    private static async Task<Results<Ok<CampaignResponse>, ProblemHttpResult>> Get(Guid id, IGrainFactory grains) =>
        await grains.GetGrain<ICampaignGrain>(id).Get() is { } view
            ? TypedResults.Ok(CampaignResponse.From(view))
            : ReferralProblems.From(ReferralErrors.CampaignNotFound, "No such campaign.");

    private static async Task<IResult> Update(Guid id, CampaignRequest body, IGrainFactory grains)
    {
        var outcome = await grains.GetGrain<ICampaignGrain>(id).Update(body.ToDefinition());
        return outcome.Ok ? TypedResults.Ok(CampaignResponse.From(outcome.Campaign!)) : ReferralProblems.Campaign(outcome);
    }

    private static async Task<IResult> SetStatus(Guid id, CampaignStatusRequest body, IGrainFactory grains)
    {
        if (body.Status is not { } status || !Enum.IsDefined(status))
        {
            return Problems.Field("status", "One of Draft, Active, Paused, Ended.");
        }

        var outcome = await grains.GetGrain<ICampaignGrain>(id).SetStatus(status);
        return outcome.Ok ? TypedResults.Ok(CampaignResponse.From(outcome.Campaign!)) : ReferralProblems.Campaign(outcome);
    }

    private static async Task<Results<Ok<ReviewPage>, ValidationProblem>> ReviewQueue(int? skip, int? take, IGrainFactory grains)
    {
        if (skip is < 0)
        {
            return Problems.Field("skip", "skip must be 0 or more.");
        }

        if (take is < 1 or > MaxTake)
        {
            return Problems.Field("take", $"take must be between 1 and {MaxTake}.");
        }

        return TypedResults.Ok(await grains.GetGrain<IReviewQueueGrain>(0).List(skip ?? 0, take ?? 50));
    }

    private static async Task<Results<Ok<ReferralView>, ProblemHttpResult>> GetReferral(Guid refereeId, IGrainFactory grains) =>
        await grains.GetGrain<IReferralGrain>(refereeId).Get() is { } view
            ? TypedResults.Ok(view)
            : ReferralProblems.From(ReferralErrors.ReferralNotFound, "This user was not referred.");

    private static async Task<IResult> Approve(Guid refereeId, DecisionRequest? body, ClaimsPrincipal admin, IGrainFactory grains)
    {
        if (body?.Note is { Length: > InputRules.MaxTextLength })
        {
            return Problems.Field("note", $"At most {InputRules.MaxTextLength} characters.");
        }

        return Result(await grains.GetGrain<IReferralGrain>(refereeId).Approve(admin.UserId(), body?.Note));
    }

    private static async Task<IResult> Reject(Guid refereeId, DecisionRequest? body, ClaimsPrincipal admin, IGrainFactory grains) =>
        NoteError(body) ?? Result(await grains.GetGrain<IReferralGrain>(refereeId).Reject(admin.UserId(), body!.Note!.Trim()));

    private static async Task<IResult> Reverse(Guid refereeId, DecisionRequest? body, ClaimsPrincipal admin, IGrainFactory grains) =>
        NoteError(body) ?? Result(await grains.GetGrain<IReferralGrain>(refereeId).Reverse(admin.UserId(), body!.Note!.Trim()));

    private static ValidationProblem? NoteError(DecisionRequest? body) =>
        string.IsNullOrWhiteSpace(body?.Note) || body.Note.Length > InputRules.MaxTextLength
            ? Problems.Field("note", $"A reason of 1 to {InputRules.MaxTextLength} characters is required.")
            : null;

    private static IResult Result(ReferralOutcome outcome) =>
        outcome.Ok ? TypedResults.Ok(outcome.Referral) : ReferralProblems.From(outcome.Error!, outcome.Detail);
}
