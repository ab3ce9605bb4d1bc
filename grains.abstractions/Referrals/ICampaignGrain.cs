using Orleans.Concurrency;

namespace Referral.Grains.Abstractions.Referrals;

/// <summary>
/// One referral campaign (keyed by its id): rules, status and the budget it has spent. Budget
/// reservations are idempotent by key, so a retried reservation never spends twice.
/// </summary>
public interface ICampaignGrain : IGrainWithGuidKey
{
    ValueTask<CampaignOutcome> Create(CampaignDefinition definition);

    ValueTask<CampaignOutcome> Update(CampaignDefinition definition);

    ValueTask<CampaignOutcome> SetStatus(CampaignStatus status);

    [ReadOnly]
    ValueTask<CampaignView?> Get();

    /// <summary>Reserves <paramref name="cost"/> (per currency) against the budget, at most once per <paramref name="key"/>.</summary>
    ValueTask<BudgetReservation> Reserve(string key, IReadOnlyDictionary<string, long> cost);

    /// <summary>Gives back a reservation (a clawback); a second release of the same key does nothing.</summary>
    ValueTask Release(string key);
}
