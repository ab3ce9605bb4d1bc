using Referral.Grains.Abstractions.Referrals;

namespace Referral.Grains.Referrals;

/// <summary>
/// The rules of a referral's lifecycle, pure so each is unit-tested: which moves are allowed,
/// when a friend has qualified, when the attribution window and the hold end, and which admin
/// decisions fit which state. The referral grain asks these and only these.
/// </summary>
public static class ReferralLifecycle
{
    /// <summary>pending → qualified → approved → rewarded; rejected before approval; reversed after it.</summary>
    public static bool CanMove(ReferralStatus from, ReferralStatus to) => (from, to) switch
    {
        (ReferralStatus.Pending, ReferralStatus.Qualified or ReferralStatus.Rejected) => true,
        (ReferralStatus.Qualified, ReferralStatus.Approved or ReferralStatus.Rejected) => true,
        (ReferralStatus.Approved, ReferralStatus.Rewarded or ReferralStatus.Reversed) => true,
        (ReferralStatus.Rewarded, ReferralStatus.Reversed) => true,
        _ => false,
    };

    /// <summary>Whether the friend's activity meets the campaign's qualifying event.</summary>
    public static bool IsQualified(QualifyingEvent rule, int quizzesRequired, int quizzes, bool spun) => rule switch
    {
        QualifyingEvent.Signup => true,
        QualifyingEvent.FirstQuizCompleted => quizzes >= 1,
        QualifyingEvent.QuizzesCompleted => quizzes >= Math.Max(1, quizzesRequired),
        QualifyingEvent.FirstWheelSpin => spun,
        _ => false,
    };

    /// <summary>Whether an event of this kind can count toward the rule at all.</summary>
    public static bool Counts(QualifyingEvent rule, bool wheel) =>
        wheel ? rule == QualifyingEvent.FirstWheelSpin : rule is QualifyingEvent.FirstQuizCompleted or QualifyingEvent.QuizzesCompleted;

    /// <summary>
    /// A signup is attributed when it comes within the window of the device's first click (or
    /// without a recorded click, when the code was typed); qualification must come within the
    /// window of signup. Both ends inclusive.
    /// </summary>
    public static bool WithinWindow(DateTimeOffset start, DateTimeOffset now, TimeSpan window) => now - start <= window;

    /// <summary>When a qualified referral may be approved.</summary>
    public static DateTimeOffset HoldEndsAt(DateTimeOffset qualifiedAt, TimeSpan hold) => qualifiedAt + hold;

    /// <summary>An admin may clear a referral held for review until it is approved or closed.</summary>
    public static bool CanReview(ReferralStatus status, bool reviewRequired, bool reviewed) =>
        reviewRequired && !reviewed && status is ReferralStatus.Pending or ReferralStatus.Qualified;

    /// <summary>An admin may reject what has not been approved yet; after that, only a reversal undoes it.</summary>
    public static bool CanReject(ReferralStatus status) => CanMove(status, ReferralStatus.Rejected);

    public static bool CanReverse(ReferralStatus status) => CanMove(status, ReferralStatus.Reversed);
}
