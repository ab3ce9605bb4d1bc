using System.Text.Json;
using System.Text.Json.Serialization;
using Referral.Grains.Abstractions.Referrals.Webhooks;

namespace Referral.Grains.Referrals;

public sealed partial class ReferralGrain
{
    private static readonly JsonSerializerOptions WebhookJson = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>
    /// Hands a lifecycle event to the campaign's webhook grain, which stores it before answering
    /// and delivers it signed, with retries (docs/webhooks.md). The id is fixed per referral and
    /// event type, so a step repeated after a crash is dropped as a repeat. No names or emails
    /// leave: operators get ids they can join with their own records.
    /// </summary>
    private async Task Webhook(string type)
    {
        var r = R!;
        var data = new
        {
            campaignId = r.CampaignId,
            refereeId = Me,
            referrerId = r.ReferrerId,
            code = r.Code,
            variant = r.Variant,
            status = r.Status,
            reason = r.Reason,
            fraudScore = r.Score,
            risk = r.Risk,
            signedUpAt = r.SignedUpAt,
            qualifiedAt = r.QualifiedAt,
            approvedAt = r.ApprovedAt,
            rewardedAt = r.RewardedAt,
            rewards = r.Grants.Select(g => new
            {
                recipientId = g.Recipient,
                role = g.Role,
                currency = g.Reward.Currency,
                amount = g.Reward.Amount,
                codePool = g.Reward.CodePool,
                paid = g.EntryId is not null,
                reversed = g.ReversalEntryId is not null,
            }),
        };
        try
        {
            await GrainFactory.GetGrain<IWebhookGrain>(WebhookKeys.For(r.CampaignId)).Enqueue(
                new WebhookEvent($"{Me:N}:{type}", type, time.GetUtcNow(), JsonSerializer.Serialize(data, WebhookJson)));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            LogWebhookFailed(logger, type, e);
        }
    }

    [Microsoft.Extensions.Logging.LoggerMessage(Level = Microsoft.Extensions.Logging.LogLevel.Error, Message = "Webhook event {Type} could not be queued.")]
    private static partial void LogWebhookFailed(Microsoft.Extensions.Logging.ILogger logger, string type, Exception exception);
}
