namespace Referral.Grains.Abstractions.Referrals;

/// <summary>
/// The referral engine's reader of the <c>analytics</c> stream (implicitly subscribed, keyed by
/// stream key): turns game and wheel events into qualification calls on referral grains.
/// </summary>
public interface IReferralFeedGrain : IGrainWithStringKey;
