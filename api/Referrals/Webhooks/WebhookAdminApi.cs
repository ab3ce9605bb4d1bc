using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Referral.Api.Auth;
using Referral.Api.Infrastructure;
using Referral.Grains.Abstractions.Referrals.Webhooks;
using Referral.Grains.Referrals.Webhooks;

namespace Referral.Api.Referrals.Webhooks;

/// <summary>
/// Operators configure a campaign's webhook, read its delivery log and send a test event. The
/// campaign's existence is not checked here: campaign creation configures webhooks too, and an
/// endpoint set before a campaign exists simply waits for its events.
/// </summary>
public static class WebhookAdminApi
{
    public const int DefaultTake = 20;
    public const int MaxTake = 100;

    public static IEndpointRouteBuilder MapWebhookAdminApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin/campaigns/{campaignId:guid}/webhook").WithTags("Webhooks")
            .RequireAuthorization(Policies.Admin)
            .RequireRateLimiting(RateLimitPolicies.Authenticated);
        group.MapGet("", Get).WithName("AdminGetWebhook");
        group.MapPut("", Put).WithName("AdminSetWebhook");
        group.MapDelete("", Delete).WithName("AdminDeleteWebhook");
        group.MapGet("/deliveries", Deliveries).WithName("AdminWebhookDeliveries");
        group.MapPost("/test", Test).WithName("AdminTestWebhook");
        return app;
    }

    private static IWebhookGrain Grain(IGrainFactory grains, Guid campaignId) => grains.GetGrain<IWebhookGrain>(WebhookKeys.For(campaignId));

    private static async Task<Results<Ok<WebhookEndpointView>, ProblemHttpResult>> Get(Guid campaignId, IGrainFactory grains)
    {
        var view = await Grain(grains, campaignId).Endpoint();
        return view is null ? NotConfigured(StatusCodes.Status404NotFound) : TypedResults.Ok(view);
    }

    private static async Task<Results<Ok<WebhookEndpointView>, ValidationProblem>> Put(Guid campaignId, WebhookRequest? body, IGrainFactory grains)
    {
        var urlError = WebhookRules.CheckUrl(body?.Url);
        var secretError = WebhookRules.CheckSecret(body?.Secret);
        if (urlError is not null || secretError is not null)
        {
            var errors = new Dictionary<string, string[]>();
            if (urlError is not null)
            {
                errors["url"] = [urlError];
            }

            if (secretError is not null)
            {
                errors["secret"] = [secretError];
            }

            // One stable code per response: the URL's when it is wrong, else the secret's; `errors` names every wrong field.
            return Problems.Validation(errors, code: urlError is not null ? WebhookErrors.InvalidUrl : WebhookErrors.InvalidSecret);
        }

        var grain = Grain(grains, campaignId);
        await grain.Configure(new WebhookEndpoint(body!.Url!, body.Secret!));
        return TypedResults.Ok((await grain.Endpoint())!);
    }

    private static async Task<NoContent> Delete(Guid campaignId, IGrainFactory grains)
    {
        await Grain(grains, campaignId).Configure(null);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<WebhookDeliveriesResponse>, ValidationProblem>> Deliveries(Guid campaignId, int? skip, int? take, IGrainFactory grains)
    {
        var from = skip ?? 0;
        var count = take ?? DefaultTake;
        if (from < 0)
        {
            return Problems.Field("skip", "skip must be 0 or more.");
        }

        if (count is < 1 or > MaxTake)
        {
            return Problems.Field("take", $"take must be between 1 and {MaxTake}.");
        }

        var page = await Grain(grains, campaignId).Deliveries(from, count);
        return TypedResults.Ok(new WebhookDeliveriesResponse(page.Deliveries, page.Total, page.Queued, from, count));
    }

    private static async Task<Results<Accepted<WebhookTestResponse>, ProblemHttpResult>> Test(Guid campaignId, IGrainFactory grains, TimeProvider time)
    {
        var grain = Grain(grains, campaignId);
        if (await grain.Endpoint() is null)
        {
            return NotConfigured(StatusCodes.Status409Conflict);
        }

        var now = time.GetUtcNow();
        var id = "evt_" + Guid.NewGuid().ToString("N");
        var data = JsonSerializer.Serialize(new PingData(WebhookKeys.For(campaignId), "A test event sent from the admin api."), JsonSerializerOptions.Web);
        await grain.Enqueue(new WebhookEvent(id, WebhookEventTypes.Ping, now, data));
        return TypedResults.Accepted($"/api/admin/campaigns/{campaignId}/webhook/deliveries", new WebhookTestResponse(id, WebhookEventTypes.Ping));
    }

    private static ProblemHttpResult NotConfigured(int status) =>
        Problems.Status(status, WebhookErrors.NotConfigured, "This campaign has no webhook.", "Set one with PUT /api/admin/campaigns/{campaignId}/webhook.");

    private sealed record PingData(string CampaignId, string Message);
}
