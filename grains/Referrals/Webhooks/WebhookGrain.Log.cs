using Microsoft.Extensions.Logging;

namespace Referral.Grains.Referrals.Webhooks;

public sealed partial class WebhookGrain
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook queue of campaign {CampaignKey} is full ({Limit} events): dropped the oldest event {EventId}")]
    private partial void LogQueueFull(string campaignKey, string eventId, int limit);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook event {EventId} of campaign {CampaignKey} failed after {Attempts} attempts (last: status {StatusCode}, error {Error})")]
    private partial void LogGaveUp(string campaignKey, string eventId, int attempts, int? statusCode, string? error);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Ignored a stale attempt result for webhook event {EventId} of campaign {CampaignKey} (attempt {Attempt})")]
    private partial void LogStaleResult(string campaignKey, string eventId, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook attempt for event {EventId} of campaign {CampaignKey} never reported back; sending again")]
    private partial void LogLostAttempt(string campaignKey, string eventId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not register the delivery reminder of webhook {CampaignKey}")]
    private partial void LogReminderFailed(Exception exception, string campaignKey);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not report webhook attempt {Attempt} of event {EventId} back to its grain")]
    private partial void LogReportFailed(Exception exception, string eventId, int attempt);
}
