using Referral.Grains.Abstractions.Referrals;

namespace Referral.Grains.Referrals;

/// <summary>Everything the fraud rules look at for one new referral.</summary>
public sealed record FraudInput(
    Guid RefereeId,
    Guid ReferrerId,
    SignupContext Referee,
    SignupContext? ReferrerSignup,
    ReferrerFacts Referrer,
    bool ReferrerChainContainsReferee,
    int MaxSignupsPerHour);
