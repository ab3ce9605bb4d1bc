using Referral.Grains.Abstractions.Referrals;
using Referral.Grains.Abstractions.Referrals.Webhooks;
using Referral.Grains.Abstractions.Wallet;

namespace Referral.Grains.Referrals;

public sealed partial class ReferralGrain
{
    public async ValueTask<ReferralView?> Process()
    {
        if (R is null)
        {
            await ClearReminder();
            return null;
        }

        await Advance();
        return View();
    }

    /// <summary>
    /// Moves the referral as far as it can go now: hold over → claim → outbox paid → rewarded;
    /// a clawback → every grant reversed. Each step is written before the next, so any crash
    /// resumes from the last written step; a failure schedules a retry with backoff (and the
    /// reminder, registered before the first payment, outlives this activation).
    /// </summary>
    private async Task Advance()
    {
        try
        {
            await Step();
            _retryDelay = Options.FirstRetryDelay;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            LogRetry(logger, _retryDelay, e);
            ScheduleRetry(_retryDelay);
            _retryDelay = TimeSpan.FromTicks(Math.Min(_retryDelay.Ticks * 2, Options.MaxRetryDelay.Ticks));
        }
    }

    private async Task Step()
    {
        var record = R!;
        if (record.Status == ReferralStatus.Qualified)
        {
            if (record.ReviewRequired && !record.Reviewed)
            {
                // Waits for an admin; the review queue holds it, no reminder needed.
                await ClearReminder();
                return;
            }

            var due = ReferralLifecycle.HoldEndsAt(record.QualifiedAt!.Value, record.Hold);
            var now = time.GetUtcNow();
            if (now < due)
            {
                await EnsureReminder(due - now);
                return;
            }

            // The reminder goes first: if we crash after claiming, it brings us back.
            await EnsureReminder(ReminderPeriod);
            var claim = await Referrer().Claim(Me);
            if (!claim.Granted)
            {
                await Reject(null, claim.Reason ?? RejectReasons.CampaignNotLive, "refused at approval");
                return;
            }

            record.Grants = [.. claim.Grants];
            record.Status = ReferralStatus.Approved;
            record.ApprovedAt = now;
            record.Audit.Add(new AuditEntry(now, null, "approved", claim.Milestone is { } m ? $"milestone {m}" : null));
            await state.WriteStateAsync();
            await FriendChanged(ReferralStatus.Approved, null);
            await Webhook(WebhookEventTypes.ReferralApproved);
        }

        if (record.Status == ReferralStatus.Approved)
        {
            await EnsureReminder(ReminderPeriod);
            await PayAll(record);
            var now = time.GetUtcNow();
            record.Status = ReferralStatus.Rewarded;
            record.RewardedAt = now;
            record.Audit.Add(new AuditEntry(now, null, "rewarded", null));
            await state.WriteStateAsync();
            await ClearReminder();
            await FriendChanged(ReferralStatus.Rewarded, null);
            await AnnounceRewards(record, now);
            await Webhook(WebhookEventTypes.ReferralRewarded);
            return;
        }

        if (record.ReversalPending)
        {
            await EnsureReminder(ReminderPeriod);

            // Finish any payment that may have reached a wallet unrecorded, then reverse every one.
            await PayAll(record);
            for (var i = 0; i < record.Grants.Count; i++)
            {
                var grant = record.Grants[i];
                if (grant.EntryId is null || grant.ReversalEntryId is not null || grant.Error is not null)
                {
                    continue;
                }

                var outcome = await Wallet(grant.Recipient).Reverse(grant.EntryId, grant.Key + ":reversal", "referral_reversed");
                record.Grants[i] = outcome.Ok
                    ? grant with { ReversalEntryId = outcome.Entry!.Id }
                    : grant with { Error = outcome.Error };
                if (!outcome.Ok)
                {
                    // e.g. the points were spent: a ledger never goes negative, so this part stays
                    // with the user; the audit trail says so.
                    record.Audit.Add(new AuditEntry(time.GetUtcNow(), null, "reversal_refused", $"{grant.Key}: {outcome.Error}"));
                }

                await state.WriteStateAsync();
            }

            await Referrer().Unclaim(Me);
            record.ReversalPending = false;
            record.Audit.Add(new AuditEntry(time.GetUtcNow(), null, "reversed_entries", null));
            await state.WriteStateAsync();
            await ClearReminder();
            await FriendChanged(ReferralStatus.Reversed, record.Reason);
            await Webhook(WebhookEventTypes.ReferralReversed);
        }
    }

    /// <summary>Pays every outbox line the wallets have not acknowledged, writing each acknowledgement.</summary>
    private async Task PayAll(ReferralRecord record)
    {
        for (var i = 0; i < record.Grants.Count; i++)
        {
            var grant = record.Grants[i];
            if (grant.EntryId is not null || grant.Error is not null)
            {
                continue;
            }

            var outcome = await Pay(record, grant);
            if (outcome.Ok && _faults is not null)
            {
                await _faults.AfterGrant(Me, grant);
            }

            if (!outcome.Ok)
            {
                // A permanent refusal (the request itself is wrong): retrying cannot help, so the
                // line is closed with its error and the audit trail says so.
                LogGrantRefused(logger, grant.Key, outcome.Error!);
                record.Audit.Add(new AuditEntry(time.GetUtcNow(), null, "grant_refused", $"{grant.Key}: {outcome.Error}"));
            }

            record.Grants[i] = outcome.Ok ? grant with { EntryId = outcome.Entry!.Id } : grant with { Error = outcome.Error };
            await state.WriteStateAsync();
        }
    }

    private async Task<WalletOutcome> Pay(ReferralRecord record, RewardGrant grant)
    {
        var reason = grant.Role switch
        {
            RewardGrant.ReferrerRole => "referral_referrer",
            RewardGrant.RefereeRole => "referral_friend",
            _ => "referral_milestone",
        };
        var source = $"referral:{record.CampaignId:N}:{Me:N}";
        return await RewardPayer.Pay(GrainFactory, grant, reason, source);
    }

    private async Task AnnounceRewards(ReferralRecord record, DateTimeOffset now)
    {
        foreach (var recipient in record.Grants.Where(g => g.EntryId is not null).GroupBy(g => g.Recipient))
        {
            await Notify(recipient.Key, new ReferralActivity(
                record.CampaignId, ReferralActivityKinds.RewardCredited, Me, PersonalText.Open(protector, record.RefereeName), ReferralStatus.Rewarded,
                null, [.. recipient.Select(g => g.Reward)], null, null, now));
        }
    }

    private async Task Reject(Guid? actor, string reason, string? note)
    {
        var record = R!;
        var now = time.GetUtcNow();
        record.Status = ReferralStatus.Rejected;
        record.Reason = reason;
        record.Audit.Add(new AuditEntry(now, actor, "rejected", note is null ? reason : $"{reason}: {note}"));
        await state.WriteStateAsync();
        await ClearReminder();
        if (record.ReviewRequired)
        {
            await GrainFactory.GetGrain<IReviewQueueGrain>(0).Remove(Me);
        }

        await FriendChanged(ReferralStatus.Rejected, reason);
        await Webhook(WebhookEventTypes.ReferralRejected);
    }

    private IRewardWalletGrain Wallet(Guid userId) => GrainFactory.GetGrain<IRewardWalletGrain>(userId);

    private void ScheduleRetry(TimeSpan due)
    {
        _retryTimer?.Dispose();
        _retryTimer = this.RegisterGrainTimer(
            async _ =>
            {
                var timer = _retryTimer;
                _retryTimer = null;
                await Advance();
                timer?.Dispose();
            },
            new GrainTimerCreationOptions(due, Timeout.InfiniteTimeSpan) { KeepAlive = true });
    }

    /// <summary>
    /// Registers the safety-net reminder for a payout (once per activation; the reminder table is
    /// a shared resource) or moves it to a hold's end.
    /// </summary>
    private async Task EnsureReminder(TimeSpan due)
    {
        if (_reminder is not null && due == ReminderPeriod)
        {
            return;
        }

        _reminder = await this.RegisterOrUpdateReminder(ReminderName, due < TimeSpan.Zero ? TimeSpan.Zero : due, ReminderPeriod);
        _reminderChecked = true;
    }

    private async Task ClearReminder()
    {
        if (_reminder is null && !_reminderChecked)
        {
            // A reminder from an earlier activation may exist: look once.
            _reminder = await this.GetReminder(ReminderName);
            _reminderChecked = true;
        }

        if (_reminder is { } reminder)
        {
            _reminder = null;
            await this.UnregisterReminder(reminder);
        }
    }
}
