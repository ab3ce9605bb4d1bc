using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Referral.Grains.Abstractions;
using Referral.Grains.Abstractions.Referrals.Webhooks;
using Referral.Grains.Accounts;

namespace Referral.Grains.Referrals.Webhooks;

/// <summary>
/// One campaign's operator webhook: endpoint, persisted delivery queue, bounded log. Every change
/// is written before the call returns; a failed write deactivates the grain so memory never runs
/// ahead of storage. Delivery (<c>WebhookGrain.Delivery.cs</c>) sends one attempt at a time
/// outside the grain's turn and applies its result through <see cref="IWebhookAttemptSink"/>.
/// </summary>
public sealed partial class WebhookGrain(
    [PersistentState("webhook", StorageNames.Default)] IPersistentState<WebhookState> state,
    IPersonalDataProtector protector,
    WebhookSender sender,
    IOptions<WebhookOptions> options,
    TimeProvider time,
    ILogger<WebhookGrain> logger) : Grain, IWebhookGrain, IWebhookAttemptSink, IRemindable
{
    private readonly WebhookOptions _options = options.Value;

    // Rebuilt from RecentIds on activation: the stored list is the truth.
    private readonly HashSet<string> _known = new(StringComparer.Ordinal);

    // Decrypted on first use rather than on activation, so a missing key stops delivery, not reads.
    private string? _secret;

    private WebhookState S => state.State;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _known.UnionWith(S.RecentIds);
        if (S.Queue.Count > 0)
        {
            // A fresh activation (after a crash, a restart or the reminder) resumes at once.
            SchedulePump(TimeSpan.Zero);
            try
            {
                await EnsureReminder();
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Reads and deliveries go on; the next enqueue or reminder tick tries again.
                LogReminderFailed(ex, this.GetPrimaryKeyString());
            }
        }
    }

    public async Task Configure(WebhookEndpoint? endpoint)
    {
        var now = time.GetUtcNow();
        if (endpoint is null)
        {
            if (S.Url is null && S.Queue.Count == 0)
            {
                return;
            }

            foreach (var queued in S.Queue)
            {
                AppendLog(new WebhookDelivery(queued.Event.Id, queued.Event.Type, 0, now, null, "skipped: the webhook was removed", TimeSpan.Zero, null, WebhookDeliveryState.Skipped));
            }

            S.Queue.Clear();
            S.Url = null;
            S.ProtectedSecret = null;
            S.ConfiguredAt = null;
            _secret = null;
            _inFlight = null;
            await Write();
            await StopReminder();
            return;
        }

        // The admin api checks the same rules first and answers with these codes as ProblemDetails.
        if (WebhookRules.CheckUrl(endpoint.Url) is { } urlError)
        {
            throw new ArgumentException($"{WebhookErrors.InvalidUrl}: {urlError}", nameof(endpoint));
        }

        if (WebhookRules.CheckSecret(endpoint.Secret) is { } secretError)
        {
            throw new ArgumentException($"{WebhookErrors.InvalidSecret}: {secretError}", nameof(endpoint));
        }

        S.Url = endpoint.Url;
        S.ProtectedSecret = protector.Protect(endpoint.Secret);
        S.ConfiguredAt = now;
        _secret = endpoint.Secret;

        // A fixed or replaced endpoint gets the waiting events now, not when their backoff ends.
        foreach (var queued in S.Queue)
        {
            queued.NextAttemptAt = now;
        }

        await Write();
        if (S.Queue.Count > 0)
        {
            SchedulePump(TimeSpan.Zero);
        }
    }

    public Task<WebhookEndpointView?> Endpoint() =>
        Task.FromResult(S.Url is null ? null : new WebhookEndpointView(S.Url, S.ProtectedSecret is not null, S.ConfiguredAt ?? default));

    public async Task<bool> Enqueue(WebhookEvent evt)
    {
        if (WebhookRules.CheckEvent(evt) is { } invalid)
        {
            throw new ArgumentException(invalid, nameof(evt));
        }

        if (_known.Contains(evt.Id))
        {
            return false;
        }

        var now = time.GetUtcNow();
        if (S.Url is null)
        {
            // Nothing to deliver, so nothing to store: the skip is logged for this activation only.
            // Campaigns without a webhook then cost one in-memory call per event, not a state
            // write on this one grain per event of every referral.
            Remember(evt.Id);
            AppendLog(new WebhookDelivery(evt.Id, evt.Type, 0, now, null, "skipped: no webhook is configured", TimeSpan.Zero, null, WebhookDeliveryState.Skipped));
            return true;
        }

        // The reminder before anything changes: a crash (or a failure here) between the two leaves
        // at worst a reminder with nothing to do (it unregisters itself), never a stored event
        // that nothing will wake up for, nor an id remembered for an event that was not stored.
        await EnsureReminder();
        Remember(evt.Id);
        if (S.Queue.Count >= _options.MaxQueueLength)
        {
            // Dropping the oldest keeps the newest state of the campaign flowing and never makes
            // the caller's outbox retry forever; the drop is logged (here and in the delivery log).
            var dropped = S.Queue[0];
            S.Queue.RemoveAt(0);
            AppendLog(new WebhookDelivery(dropped.Event.Id, dropped.Event.Type, dropped.Attempts, now, null,
                $"dropped: the queue was full ({_options.MaxQueueLength} events)", TimeSpan.Zero, null, WebhookDeliveryState.Failed));
            LogQueueFull(this.GetPrimaryKeyString(), dropped.Event.Id, _options.MaxQueueLength);
        }

        S.Queue.Add(new QueuedWebhook { Event = evt, EnqueuedAt = now, NextAttemptAt = now });
        await Write();
        SchedulePump(TimeSpan.Zero);
        return true;
    }

    public Task<WebhookDeliveryPage> Deliveries(int skip, int take)
    {
        var page = S.Log
            .AsEnumerable()
            .Reverse()
            .Skip(Math.Max(0, skip))
            .Take(Math.Clamp(take, 0, 100))
            .ToList();
        return Task.FromResult(new WebhookDeliveryPage(page, S.Log.Count, S.Queue.Count));
    }

    private void Remember(string eventId)
    {
        _known.Add(eventId);
        S.RecentIds.Add(eventId);
        var excess = S.RecentIds.Count - _options.MaxRememberedEvents;
        if (excess > 0)
        {
            foreach (var old in S.RecentIds.Take(excess))
            {
                _known.Remove(old);
            }

            S.RecentIds.RemoveRange(0, excess);
        }
    }

    private void AppendLog(WebhookDelivery line)
    {
        S.Log.Add(line);
        var excess = S.Log.Count - _options.MaxLogEntries;
        if (excess > 0)
        {
            S.Log.RemoveRange(0, excess);
        }
    }

    private async Task Write()
    {
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            // Memory now holds a change storage does not: drop this activation so the next call
            // starts from what was stored, and let the caller retry.
            DeactivateOnIdle();
            throw;
        }
    }
}
