using Orleans.Concurrency;

namespace Referral.Grains.Abstractions.Referrals;

/// <summary>The list of campaign ids (one grain, key 0): admins list campaigns, players list the live ones.</summary>
public interface ICampaignDirectoryGrain : IGrainWithIntegerKey
{
    ValueTask Add(Guid campaignId);

    [ReadOnly]
    ValueTask<IReadOnlyList<Guid>> All();
}
