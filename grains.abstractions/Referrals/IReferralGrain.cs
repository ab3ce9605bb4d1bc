using Orleans.Concurrency;

namespace Referral.Grains.Abstractions.Referrals;

/// <summary>
/// One user's referral record (keyed by the user id): how they signed up (kept for fraud checks
/// when they refer others), who referred them if anyone (at most once, first valid code wins),
/// and that referral's lifecycle with its payout outbox.
/// </summary>
public interface IReferralGrain : IGrainWithGuidKey
{
    /// <summary>Records a signup (registration or guest upgrade); with a code, attributes it.</summary>
    ValueTask<ReferralOutcome> SignUp(SignupContext context);

    /// <summary>The referral of this user as a referee, or null if nobody referred them.</summary>
    /// <remarks>Interleaves: a loop check reads referrers' records while they may be signing up themselves.</remarks>
    [AlwaysInterleave]
    ValueTask<ReferralView?> Get();

    /// <summary>The fingerprints this user signed up with (for checks when they refer someone).</summary>
    [AlwaysInterleave]
    ValueTask<SignupContext?> SignupFingerprints();

    /// <summary>The user finished a quiz game (<paramref name="eventId"/> dedupes repeats).</summary>
    ValueTask QuizCompleted(string eventId, DateTimeOffset at);

    /// <summary>The user spun the wheel.</summary>
    ValueTask WheelSpun(string eventId, DateTimeOffset at);

    /// <summary>Moves on whatever is due: hold ends, unpaid outbox lines (also run by a reminder).</summary>
    ValueTask<ReferralView?> Process();

    /// <summary>
    /// The user was deleted: erase the personal fields this record and the referrer's friend list
    /// hold (names, signup fingerprints). Ids, statuses, amounts and the audit trail stay, as the
    /// ledger does.
    /// </summary>
    ValueTask Forget();

    /// <summary>An admin clears a referral held for review.</summary>
    ValueTask<ReferralOutcome> Approve(Guid admin, string? note);

    /// <summary>An admin rejects a referral that has not paid out (reason <c>fraud</c>).</summary>
    ValueTask<ReferralOutcome> Reject(Guid admin, string note);

    /// <summary>An admin claws back a paid referral: reversing ledger entries for every grant.</summary>
    ValueTask<ReferralOutcome> Reverse(Guid admin, string note);
}
