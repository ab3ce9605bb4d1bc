using Referral.LoadGen.Reporting;

namespace Referral.LoadGen.Referrals;

/// <summary>
/// What a referrals run measured: signups without a code (the baseline: registration itself, whose
/// Argon2id hashing dominates) and with one, at the same target rate; the time until every
/// referral settled; and the exactness checks against the campaign's rules.
/// </summary>
public sealed record ReferralMetrics(
    string Mode,
    int Signups,
    int Referrers,
    int Cap,
    int TargetRate,
    double BaselineSignupsPerSecond,
    Latency BaselineSignup,
    double SignupsPerSecond,
    Latency Signup,
    double RatioP99,
    double SettleSeconds,
    int Rewarded,
    int ExpectedRewarded,
    int RejectedCap,
    long ReferrerPoints,
    long ExpectedReferrerPoints,
    long FriendPoints,
    long ExpectedFriendPoints,
    long CampaignSpent,
    int MilestonesPaid,
    IReadOnlyDictionary<string, int> Errors,
    bool Exact);
