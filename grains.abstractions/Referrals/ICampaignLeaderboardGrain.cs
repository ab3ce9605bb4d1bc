using Orleans.Concurrency;

namespace Referral.Grains.Abstractions.Referrals;

/// <summary>
/// A campaign's referral leaderboard (keyed by campaign id): referrers ordered by rewarded
/// referrals, earlier first on ties. Changes go out on the campaign stream at most once a second.
/// </summary>
public interface ICampaignLeaderboardGrain : IGrainWithGuidKey
{
    /// <summary>Sets a referrer's count; <paramref name="version"/> increases per referrer so late updates are ignored.</summary>
    ValueTask Set(Guid userId, string name, int referrals, long version);

    [ReadOnly]
    ValueTask<LeaderboardView> View(Guid? userId, int top);
}
