using Orleans.Concurrency;

namespace Referral.Grains.Abstractions.Referrals;

/// <summary>
/// A personal referral code (keyed by the code itself): which referrer and campaign it belongs
/// to, and the clicks on its link.
/// </summary>
public interface IReferralCodeGrain : IGrainWithStringKey
{
    /// <summary>Takes the code for a referrer; false if someone else holds it (the caller draws another).</summary>
    ValueTask<bool> Claim(CodeTarget target);

    [ReadOnly]
    ValueTask<CodeTarget?> Resolve();

    /// <summary>Counts a click and tells the referrer; returns the target, or null for an unknown code.</summary>
    ValueTask<CodeTarget?> Click(LinkClick click);

    /// <summary>When this visitor first clicked the link (the start of its attribution window), if it did.</summary>
    [ReadOnly]
    ValueTask<DateTimeOffset?> FirstClick(string visitorKey);

    [ReadOnly]
    ValueTask<CodeStats> Stats();
}
