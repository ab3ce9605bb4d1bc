using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Runtime;
using Referral.Grains.Abstractions;
using Referral.Grains.Abstractions.Referrals;
using Referral.Grains.Abstractions.Referrals.Webhooks;
using Referral.Grains.Accounts;

namespace Referral.Grains.Referrals;

/// <summary>
/// One user's referral record (keyed by user id). Keeps how the user signed up, for fraud checks
/// when they refer others, and, when a code brought them, the referral: attributed once (first
/// valid code wins), scored for fraud, qualified by real events, approved after the hold (and the
/// review when one is required), then paid through a persisted outbox that a reminder keeps
/// retrying until every wallet acknowledged. Wallets dedupe by key, so a crash at any point
/// neither loses nor doubles a reward.
/// </summary>
public sealed partial class ReferralGrain(
    [PersistentState("referral", StorageNames.Default)] IPersistentState<ReferralState> state,
    TimeProvider time,
    IOptions<ReferralOptions> options,
    IServiceProvider services,
    IPersonalDataProtector protector,
    ILogger<ReferralGrain> logger) : Grain, IReferralGrain, IRemindable
{
    private const string ReminderName = "referral";
    private const int MaxCountedEvents = 200;
    private static readonly TimeSpan ReminderPeriod = TimeSpan.FromMinutes(1);

    private readonly IReferralFaults? _faults = services.GetService<IReferralFaults>();
    private TimeSpan _retryDelay;
    private IGrainTimer? _retryTimer;
    private IGrainReminder? _reminder;
    private bool _reminderChecked;

    private ReferralOptions Options => options.Value;

    private ReferralRecord? R => state.State.Referral;

    private Guid Me => this.GetPrimaryKey();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _retryDelay = Options.FirstRetryDelay;
        if (R is { Status: ReferralStatus.Approved } or { ReversalPending: true })
        {
            // An earlier activation stopped mid-payout (a crash, a deactivation): carry on now,
            // the reminder is only the safety net.
            ScheduleRetry(TimeSpan.Zero);
        }

        return Task.CompletedTask;
    }

    public async ValueTask<ReferralOutcome> SignUp(SignupContext context)
    {
        if (R is not null)
        {
            return ReferralOutcome.Fail(RejectReasons.AlreadyReferred, "This user was referred already; the first valid code wins.");
        }

        // The display name is personal data: the fraud rules need only the keyed hashes.
        state.State.Signup ??= context with { ReferralCode = null, DisplayName = "" };
        var code = ReferralCodes.Normalize(context.ReferralCode);
        if (code is null)
        {
            await state.WriteStateAsync();
            return context.ReferralCode is null
                ? ReferralOutcome.Success(null)
                : ReferralOutcome.Fail(ReferralErrors.UnknownCode, "No such referral code.");
        }

        var codeGrain = GrainFactory.GetGrain<IReferralCodeGrain>(code);
        if (await codeGrain.Resolve() is not { } target)
        {
            await state.WriteStateAsync();
            return ReferralOutcome.Fail(ReferralErrors.UnknownCode, "No such referral code.");
        }

        var now = time.GetUtcNow();
        var campaign = await GrainFactory.GetGrain<ICampaignGrain>(target.CampaignId).Get();
        var record = new ReferralRecord
        {
            CampaignId = target.CampaignId,
            ReferrerId = target.ReferrerId,
            Code = code,
            RefereeName = PersonalText.Seal(protector, context.DisplayName),
            Status = ReferralStatus.Pending,
            SignedUpAt = now,
            Hold = campaign?.Definition.Hold ?? TimeSpan.Zero,
        };
        record.Audit.Add(new AuditEntry(now, Me, "signed_up", code));

        var referrer = GrainFactory.GetGrain<IReferrerGrain>(ReferrerKeys.For(target.CampaignId, target.ReferrerId));
        var facts = await referrer.FriendJoined(Me, context.DisplayName, now);
        record.Variant = facts.Variant;

        string? rejected = null;
        if (campaign is null || !campaign.IsLive(now))
        {
            rejected = campaign?.Status == CampaignStatus.Ended || campaign?.Definition.EndsAt <= now
                ? RejectReasons.Expired
                : RejectReasons.CampaignNotLive;
        }
        else if (await codeGrain.FirstClick(context.NetworkAgentKey) is { } clicked && !ReferralLifecycle.WithinWindow(clicked, now, campaign.Definition.AttributionWindow))
        {
            rejected = RejectReasons.Expired;
        }
        else
        {
            var assessment = FraudScoring.Assess(
                new FraudInput(Me, target.ReferrerId, context, await ReferrerSignup(target.ReferrerId), facts,
                    await ChainContainsMe(target.ReferrerId), campaign.Definition.MaxSignupsPerReferrerPerHour),
                Options.MediumRiskScore,
                Options.HighRiskScore);
            record.Score = assessment.Score;
            record.Risk = assessment.Risk;
            record.Signals = [.. assessment.Signals];
            rejected = assessment.RejectReason;
            record.ReviewRequired = assessment.Risk == FraudRisk.Medium;
        }

        if (rejected is not null)
        {
            record.Status = ReferralStatus.Rejected;
            record.Reason = rejected;
            record.Audit.Add(new AuditEntry(now, null, "rejected", rejected));
        }

        state.State.Referral = record;
        await state.WriteStateAsync();

        if (rejected is not null)
        {
            await FriendChanged(ReferralStatus.Rejected, rejected);
            await Webhook(WebhookEventTypes.ReferralRejected);
            return ReferralOutcome.Success(View());
        }

        if (record.ReviewRequired)
        {
            await GrainFactory.GetGrain<IReviewQueueGrain>(0).Add(
                new ReviewItem(Me, record.CampaignId, record.ReferrerId, record.Score, record.Signals, now));
        }

        await Webhook(WebhookEventTypes.ReferralPending);
        if (campaign!.Definition.QualifyingEvent == QualifyingEvent.Signup)
        {
            await Qualify("signup");
        }

        return ReferralOutcome.Success(View());
    }

    public ValueTask<ReferralView?> Get() => ValueTask.FromResult(R is null ? null : View());

    public ValueTask<SignupContext?> SignupFingerprints() => ValueTask.FromResult(state.State.Signup);

    public ValueTask QuizCompleted(string eventId, DateTimeOffset at) => Count(eventId, wheel: false);

    public ValueTask WheelSpun(string eventId, DateTimeOffset at) => Count(eventId, wheel: true);

    public async Task ReceiveReminder(string reminderName, TickStatus status) => await Process();

    private async ValueTask Count(string eventId, bool wheel)
    {
        if (R is not { Status: ReferralStatus.Pending } record || record.CountedEvents.Contains(eventId))
        {
            return;
        }

        var campaign = await GrainFactory.GetGrain<ICampaignGrain>(record.CampaignId).Get();
        if (campaign is null)
        {
            return;
        }

        var rule = campaign.Definition;
        if (!ReferralLifecycle.Counts(rule.QualifyingEvent, wheel))
        {
            return;
        }

        record.CountedEvents.Add(eventId);
        if (record.CountedEvents.Count > MaxCountedEvents)
        {
            record.CountedEvents.RemoveAt(0);
        }

        if (!wheel)
        {
            record.Quizzes++;
        }

        if (ReferralLifecycle.IsQualified(rule.QualifyingEvent, rule.QuizzesRequired, record.Quizzes, spun: wheel))
        {
            await Qualify(wheel ? "wheel_spun" : "quiz_completed");
        }
        else
        {
            await state.WriteStateAsync();
        }
    }

    private async Task Qualify(string because)
    {
        var record = R!;
        var now = time.GetUtcNow();
        var campaign = await GrainFactory.GetGrain<ICampaignGrain>(record.CampaignId).Get();
        if (campaign is not null && !ReferralLifecycle.WithinWindow(record.SignedUpAt, now, campaign.Definition.AttributionWindow))
        {
            await Reject(null, RejectReasons.Expired, "qualified after the attribution window");
            return;
        }

        record.Status = ReferralStatus.Qualified;
        record.QualifiedAt = now;
        record.Audit.Add(new AuditEntry(now, null, "qualified", because));
        await state.WriteStateAsync();
        await FriendChanged(ReferralStatus.Qualified, null);
        await Advance();
    }

    private async Task<SignupContext?> ReferrerSignup(Guid referrerId) =>
        referrerId == Me ? state.State.Signup : await GrainFactory.GetGrain<IReferralGrain>(referrerId).SignupFingerprints();

    /// <summary>True when this user appears up the referrer's chain (A referred B, B now refers A).</summary>
    private async Task<bool> ChainContainsMe(Guid referrerId)
    {
        var current = referrerId;
        for (var depth = 0; depth < Options.LoopDepth && current != Me; depth++)
        {
            var above = await GrainFactory.GetGrain<IReferralGrain>(current).Get();
            if (above is null || above.Status is ReferralStatus.Rejected)
            {
                return false;
            }

            if (above.ReferrerId == Me)
            {
                return true;
            }

            current = above.ReferrerId;
        }

        return false;
    }

    private IReferrerGrain Referrer() => GrainFactory.GetGrain<IReferrerGrain>(ReferrerKeys.For(R!.CampaignId, R.ReferrerId));

    private ReferralView View()
    {
        var r = R!;
        return new ReferralView(
            Me, r.CampaignId, r.ReferrerId, r.Code, r.Variant, r.Status, r.Reason, r.SignedUpAt, r.QualifiedAt,
            r.ApprovedAt, r.RewardedAt, r.Score, r.Risk, [.. r.Signals], r.ReviewRequired, r.Reviewed,
            [.. r.Grants], [.. r.Audit], r.Quizzes, PersonalText.Open(protector, r.RefereeName));
    }

    /// <summary>Tells the referrer live that this friend moved on (their page reads the status from here).</summary>
    private Task FriendChanged(ReferralStatus status, string? reason) => Notify(R!.ReferrerId, new ReferralActivity(
        R.CampaignId, ReferralActivityKinds.StatusChanged, Me, PersonalText.Open(protector, R.RefereeName), status, reason, null, null, null, time.GetUtcNow()));

    private async Task Notify(Guid userId, ReferralActivity activity)
    {
        try
        {
            await this.GetStreamProvider(StorageNames.StreamProvider)
                .GetStream<ReferralActivity>(StreamId.Create(StreamNamespaces.User, userId))
                .OnNextAsync(activity);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            LogNotifyFailed(logger, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A referral notice could not be published.")]
    private static partial void LogNotifyFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Referral payout step failed; retrying in {Delay}.")]
    private static partial void LogRetry(ILogger logger, TimeSpan delay, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "A wallet refused referral grant {Key} for good: {Error}.")]
    private static partial void LogGrantRefused(ILogger logger, string key, string error);
}
