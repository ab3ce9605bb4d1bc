using Referral.Grains.Abstractions.Referrals;
using Referral.Grains.Abstractions.Wallet;
using Referral.Grains.Tests.Quiz;
using Xunit;
using static Referral.Grains.Tests.Referrals.ReferralTestKit;

namespace Referral.Grains.Tests.Referrals;

/// <summary>1,000 friends of one referrer qualifying at once: counts, cap, milestones and budget stay exact.</summary>
[Collection(RoomCluster.Name)]
public sealed class ReferralConcurrencyTests(RoomClusterFixture cluster)
{
    private const int Friends = 1_000;

    private async Task<(Guid Referrer, List<Guid> Friends, List<ReferralView> Views)> QualifyAll(Guid campaign)
    {
        var referrer = Guid.NewGuid();
        var code = await Code(cluster.Client, campaign, referrer);
        var friends = Enumerable.Range(0, Friends).Select(_ => Guid.NewGuid()).ToList();
        await Task.WhenAll(friends.Select(f => cluster.Client.GetGrain<IReferralGrain>(f).SignUp(Signup(code)).AsTask()));
        await Task.WhenAll(friends.Select(f => cluster.Client.GetGrain<IReferralGrain>(f).QuizCompleted("quiz:1", cluster.Clock.GetUtcNow()).AsTask()));
        var views = await Task.WhenAll(friends.Select(f => cluster.Client.GetGrain<IReferralGrain>(f).Get().AsTask()));
        return (referrer, friends, views.Select(v => v!).ToList());
    }

    [Fact]
    public async Task TheCapAndMilestonesStayExact()
    {
        var campaign = await ActiveCampaign(cluster.Client, Campaign(
            referrerPoints: 10, refereePoints: 5, cap: 300,
            milestones: [new MilestoneTier(100, [new RewardSpec(Currencies.Points, 1_000)]), new MilestoneTier(250, [new RewardSpec(Currencies.Spins, 7)])]));
        var (referrer, friends, views) = await QualifyAll(campaign);

        Assert.Equal(300, views.Count(v => v.Status == ReferralStatus.Rewarded));
        Assert.Equal(700, views.Count(v => v.Status == ReferralStatus.Rejected && v.Reason == RejectReasons.Cap));
        var balances = await cluster.Client.GetGrain<IRewardWalletGrain>(referrer).Balances();
        Assert.Equal((300 * 10) + 1_000, balances[Currencies.Points]);
        Assert.Equal(7, balances[Currencies.Spins]);
        var paidFriends = await Task.WhenAll(friends.Select(f => Points(cluster.Client, f)));
        Assert.Equal(300, paidFriends.Count(p => p == 5));
        Assert.Equal(700, paidFriends.Count(p => p == 0));

        var summary = await Referrer(cluster.Client, campaign, referrer).Summary(0, 1);
        Assert.Equal(300, summary.Rewarded);
        Assert.Equal(Friends, summary.FriendsTotal);
        Assert.Equal([100, 250], summary.MilestonesReached);
        var spent = (await cluster.Client.GetGrain<ICampaignGrain>(campaign).Get())!;
        Assert.Equal((300 * 15) + 1_000, spent.Spent[Currencies.Points]);
        Assert.Equal(7, spent.Spent[Currencies.Spins]);
        Assert.Equal(300, spent.RewardedReferrals);
    }

    [Fact]
    public async Task TheBudgetIsNeverOverspent()
    {
        // 15 points a referral against 1,000: 66 fit (990), the 67th would overspend.
        var campaign = await ActiveCampaign(cluster.Client, Campaign(referrerPoints: 10, refereePoints: 5, budget: new() { [Currencies.Points] = 1_000 }));
        var (referrer, _, views) = await QualifyAll(campaign);

        Assert.Equal(66, views.Count(v => v.Status == ReferralStatus.Rewarded));
        Assert.Equal(Friends - 66, views.Count(v => v.Reason == RejectReasons.Budget));
        Assert.Equal(660, await Points(cluster.Client, referrer));
        Assert.Equal(990, (await cluster.Client.GetGrain<ICampaignGrain>(campaign).Get())!.Spent[Currencies.Points]);
    }
}
