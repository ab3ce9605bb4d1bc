using Referral.Grains.Abstractions.Referrals.Webhooks;

namespace Referral.Grains.Referrals.Webhooks;

/// <summary>
/// Delivery: a one-shot grain timer wakes the pump when the next event is due; the reminder wakes
/// a fresh activation after a crash. Neither decides anything by firing on time: the pump compares
/// each event's due time with the clock, so a late timer only delivers late.
/// </summary>
public sealed partial class WebhookGrain
{
    private const string ReminderName = "webhook-delivery";

    /// <summary>After the HTTP timeout plus this, an attempt that never reported is taken as lost.</summary>
    private static readonly TimeSpan LostAttemptMargin = TimeSpan.FromSeconds(30);

    private IGrainTimer? _timer;
    private bool _hasReminder;
    private InFlightAttempt? _inFlight;

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != ReminderName)
        {
            return;
        }

        _hasReminder = true;
        if (S.Queue.Count == 0 || S.Url is null)
        {
            await StopReminder();
            return;
        }

        await Pump(CancellationToken.None);
    }

    public async Task Record(WebhookAttemptResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (_inFlight?.Token != result.Token)
        {
            // From an earlier activation or an attempt already given up as lost: the event is
            // still queued (or done), so at worst it is delivered once more.
            LogStaleResult(this.GetPrimaryKeyString(), result.EventId, result.Attempt);
            return;
        }

        _inFlight = null;
        var index = S.Queue.FindIndex(q => q.Event.Id == result.EventId);
        if (index < 0)
        {
            // Dropped from a full queue or the webhook was removed while the request ran.
            SchedulePump(TimeSpan.Zero);
            return;
        }

        var queued = S.Queue[index];
        queued.Attempts = result.Attempt;
        var now = time.GetUtcNow();
        WebhookDeliveryState outcome;
        DateTimeOffset? next = null;
        if (result.Delivered)
        {
            S.Queue.RemoveAt(index);
            outcome = WebhookDeliveryState.Delivered;
        }
        else if (result.Attempt >= _options.MaxAttempts)
        {
            S.Queue.RemoveAt(index);
            outcome = WebhookDeliveryState.Failed;
            LogGaveUp(this.GetPrimaryKeyString(), result.EventId, result.Attempt, result.StatusCode, result.Error);
        }
        else
        {
            next = now + WebhookBackoff.After(result.Attempt, _options.InitialBackoff, _options.MaxBackoff, Random.Shared.NextDouble());
            queued.NextAttemptAt = next.Value;
            outcome = WebhookDeliveryState.Pending;
        }

        AppendLog(new WebhookDelivery(queued.Event.Id, queued.Event.Type, result.Attempt, result.StartedAt,
            result.StatusCode, result.Error, result.Duration, next, outcome));
        await Write();
        if (S.Queue.Count == 0)
        {
            await StopReminder();
        }
        else
        {
            SchedulePump(TimeSpan.Zero);
        }
    }

    /// <summary>Starts the oldest due event's next attempt, or sets the timer for the earliest one.</summary>
    private Task Pump(CancellationToken cancellationToken)
    {
        if (S.Url is null || S.Queue.Count == 0)
        {
            return Task.CompletedTask;
        }

        var now = time.GetUtcNow();
        if (_inFlight is { } flying)
        {
            if (now - flying.Since < _options.Timeout + LostAttemptMargin)
            {
                return Task.CompletedTask;
            }

            LogLostAttempt(this.GetPrimaryKeyString(), flying.EventId);
            _inFlight = null;
        }

        var due = S.Queue.Find(q => q.NextAttemptAt <= now);
        if (due is null)
        {
            SchedulePump(S.Queue.Min(q => q.NextAttemptAt) - now);
            return Task.CompletedTask;
        }

        var attempt = new InFlightAttempt(Guid.NewGuid(), due.Event.Id, now);
        _inFlight = attempt;
        var sink = this.AsReference<IWebhookAttemptSink>();
        var url = S.Url;
        var secret = _secret ??= protector.Unprotect(S.ProtectedSecret!);
        var evt = due.Event;
        var number = due.Attempts + 1;
        var timeout = _options.Timeout;

        // Off the grain's scheduler: the activation keeps serving calls while the receiver thinks.
        _ = Task.Run(async () =>
        {
            var result = await sender.SendAsync(attempt.Token, url, secret, evt, number, timeout);
            try
            {
                await sink.Record(result);
            }
            catch (Exception ex)
            {
                // The event stays queued; the pump gives this attempt up as lost and sends again.
                LogReportFailed(ex, evt.Id, number);
            }
        }, CancellationToken.None);
        return Task.CompletedTask;
    }

    private void SchedulePump(TimeSpan dueIn)
    {
        var due = dueIn < TimeSpan.Zero ? TimeSpan.Zero : dueIn;
        if (_timer is null)
        {
            _timer = this.RegisterGrainTimer(Pump, new GrainTimerCreationOptions(due, Timeout.InfiniteTimeSpan) { Interleave = false, KeepAlive = false });
        }
        else
        {
            _timer.Change(due, Timeout.InfiniteTimeSpan);
        }
    }

    private async Task EnsureReminder()
    {
        if (!_hasReminder)
        {
            await this.RegisterOrUpdateReminder(ReminderName, _options.ReminderPeriod, _options.ReminderPeriod);
            _hasReminder = true;
        }
    }

    private async Task StopReminder()
    {
        var reminder = await this.GetReminder(ReminderName);
        if (reminder is not null)
        {
            await this.UnregisterReminder(reminder);
        }

        _hasReminder = false;
    }

    private sealed record InFlightAttempt(Guid Token, string EventId, DateTimeOffset Since);
}
