using Referral.Grains.Abstractions.Referrals;

namespace Referral.Grains.Referrals;

public sealed partial class ReferralGrain
{
    public async ValueTask<ReferralOutcome> Approve(Guid admin, string? note)
    {
        if (R is not { } record)
        {
            return NotFound();
        }

        if (record.ReviewRequired && record.Reviewed)
        {
            return ReferralOutcome.Fail(ReferralErrors.AlreadyDecided, "This referral was reviewed already.");
        }

        if (!ReferralLifecycle.CanReview(record.Status, record.ReviewRequired, record.Reviewed))
        {
            return ReferralOutcome.Fail(ReferralErrors.InvalidState, "This referral is not waiting for review.");
        }

        record.Reviewed = true;
        record.Audit.Add(new AuditEntry(time.GetUtcNow(), admin, "review_approved", note));
        await state.WriteStateAsync();
        await GrainFactory.GetGrain<IReviewQueueGrain>(0).Remove(Me);
        await Advance();
        return ReferralOutcome.Success(View());
    }

    public async ValueTask<ReferralOutcome> Reject(Guid admin, string note)
    {
        if (R is not { } record)
        {
            return NotFound();
        }

        if (!ReferralLifecycle.CanReject(record.Status))
        {
            return ReferralOutcome.Fail(ReferralErrors.InvalidState,
                record.Status is ReferralStatus.Approved or ReferralStatus.Rewarded
                    ? "This referral has been approved; reverse it instead."
                    : $"A {record.Status} referral cannot be rejected.");
        }

        record.Reviewed = true;
        await Reject(admin, RejectReasons.Fraud, note);
        return ReferralOutcome.Success(View());
    }

    public async ValueTask<ReferralOutcome> Reverse(Guid admin, string note)
    {
        if (R is not { } record)
        {
            return NotFound();
        }

        if (!ReferralLifecycle.CanReverse(record.Status))
        {
            return ReferralOutcome.Fail(ReferralErrors.InvalidState, "Only an approved or rewarded referral can be reversed.");
        }

        var now = time.GetUtcNow();
        record.Status = ReferralStatus.Reversed;
        record.Reason = RejectReasons.Fraud;
        record.ReversalPending = true;
        record.Audit.Add(new AuditEntry(now, admin, "reversed", note));
        await state.WriteStateAsync();
        await Advance();
        return ReferralOutcome.Success(View());
    }

    public async ValueTask Forget()
    {
        if (state.State.Signup is null && R is null)
        {
            return;
        }

        state.State.Signup = null;
        if (R is { } record)
        {
            record.RefereeName = "";
            record.Audit.Add(new AuditEntry(time.GetUtcNow(), Me, "personal_data_erased", null));
            await Referrer().ForgetFriend(Me);
        }

        await state.WriteStateAsync();
    }

    private static ReferralOutcome NotFound() => ReferralOutcome.Fail(ReferralErrors.ReferralNotFound, "This user was not referred.");
}
