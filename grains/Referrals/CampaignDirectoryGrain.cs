using Referral.Grains.Abstractions;
using Referral.Grains.Abstractions.Referrals;

namespace Referral.Grains.Referrals;

/// <summary>The ids of every campaign, oldest first (campaigns are few: an operator creates them by hand).</summary>
public sealed class CampaignDirectoryGrain(
    [PersistentState("campaigns", StorageNames.Default)] IPersistentState<CampaignDirectoryState> state) : Grain, ICampaignDirectoryGrain
{
    public async ValueTask Add(Guid campaignId)
    {
        if (!state.State.Campaigns.Contains(campaignId))
        {
            state.State.Campaigns.Add(campaignId);
            await state.WriteStateAsync();
        }
    }

    public ValueTask<IReadOnlyList<Guid>> All() => ValueTask.FromResult<IReadOnlyList<Guid>>([.. state.State.Campaigns]);
}
