using Orleans.Runtime;
using Referral.Grains.Abstractions;
using Referral.Grains.Abstractions.Quiz;
using Referral.Grains.Abstractions.Referrals;
using Referral.Grains.Abstractions.Wallet;
using Referral.Grains.Abstractions.Wheel;
using Referral.Grains.Referrals;
using Referral.Grains.Tests.Quiz;
using Xunit;
using static Referral.Grains.Tests.Referrals.ReferralTestKit;

namespace Referral.Grains.Tests.Referrals;

/// <summary>The referral lifecycle end to end on grains, on the shared fake-clock cluster.</summary>
[Collection(RoomCluster.Name)]
public sealed class ReferralGrainTests(RoomClusterFixture cluster)
{
    private IClusterClient Grains => cluster.Client;

    private IReferralGrain Referral(Guid userId) => Grains.GetGrain<IReferralGrain>(userId);

    [Fact]
    public async Task AFriendWhoFinishesAQuizPaysBothSidesExactlyOnce()
    {
        var campaign = await ActiveCampaign(Grains, Campaign());
        var referrer = Guid.NewGuid();
        var code = await Code(Grains, campaign, referrer);
        var friend = Guid.NewGuid();

        var signed = await Referral(friend).SignUp(Signup(code.ToLowerInvariant()));
        Assert.True(signed.Ok, signed.Detail);
        Assert.Equal(ReferralStatus.Pending, signed.Referral!.Status);
        Assert.Equal(referrer, signed.Referral.ReferrerId);

        await Referral(friend).QuizCompleted("quiz:1", cluster.Clock.GetUtcNow());
        var view = await Referral(friend).Get();
        Assert.Equal(ReferralStatus.Rewarded, view!.Status);
        Assert.All(view.Grants, g => Assert.NotNull(g.EntryId));
        Assert.Equal(100, await Points(Grains, referrer));
        Assert.Equal(50, await Points(Grains, friend));

        // Everything again: nothing more is paid.
        await Referral(friend).QuizCompleted("quiz:2", cluster.Clock.GetUtcNow());
        await Referral(friend).Process();
        Assert.Equal(100, await Points(Grains, referrer));
        Assert.Equal(50, await Points(Grains, friend));

        var summary = await Referrer(Grains, campaign, referrer).Summary(0, 20);
        Assert.Equal(1, summary.Rewarded);
        Assert.Equal(ReferralStatus.Rewarded, Assert.Single(summary.Friends).Status);
        Assert.Equal(["signed_up", "qualified", "approved", "rewarded"], view.Audit.Select(a => a.Action));
    }

    [Fact]
    public async Task AUserIsReferredAtMostOnceAndUnknownCodesAreRefused()
    {
        var campaign = await ActiveCampaign(Grains, Campaign());
        var first = await Code(Grains, campaign, Guid.NewGuid());
        var second = await Code(Grains, campaign, Guid.NewGuid(), "Bob");
        var friend = Guid.NewGuid();

        Assert.Equal(ReferralErrors.UnknownCode, (await Referral(Guid.NewGuid()).SignUp(Signup("ZZZZZZZZ"))).Error);
        Assert.True((await Referral(friend).SignUp(Signup(first))).Ok);
        var again = await Referral(friend).SignUp(Signup(second));
        Assert.Equal(RejectReasons.AlreadyReferred, again.Error);
        Assert.Equal(first, (await Referral(friend).Get())!.Code);
    }

    [Fact]
    public async Task AQuizCountsOncePerGameTowardSeveralRequired()
    {
        var campaign = await ActiveCampaign(Grains, Campaign(QualifyingEvent.QuizzesCompleted, quizzes: 2));
        var code = await Code(Grains, campaign, Guid.NewGuid());
        var friend = Guid.NewGuid();
        await Referral(friend).SignUp(Signup(code));

        await Referral(friend).QuizCompleted("quiz:room-1", cluster.Clock.GetUtcNow());
        await Referral(friend).QuizCompleted("quiz:room-1", cluster.Clock.GetUtcNow());
        Assert.Equal(ReferralStatus.Pending, (await Referral(friend).Get())!.Status);
        Assert.Equal(1, (await Referral(friend).Get())!.QuizzesCompleted);

        await Referral(friend).WheelSpun("wheel:1", cluster.Clock.GetUtcNow());
        Assert.Equal(ReferralStatus.Pending, (await Referral(friend).Get())!.Status);

        await Referral(friend).QuizCompleted("quiz:room-2", cluster.Clock.GetUtcNow());
        Assert.Equal(ReferralStatus.Rewarded, (await Referral(friend).Get())!.Status);
    }

    [Fact]
    public async Task TheHoldDelaysApprovalUntilItsEnd()
    {
        var campaign = await ActiveCampaign(Grains, Campaign(hold: TimeSpan.FromHours(48)));
        var referrer = Guid.NewGuid();
        var code = await Code(Grains, campaign, referrer);
        var friend = Guid.NewGuid();
        await Referral(friend).SignUp(Signup(code));
        await Referral(friend).QuizCompleted("quiz:1", cluster.Clock.GetUtcNow());

        Assert.Equal(ReferralStatus.Qualified, (await Referral(friend).Process())!.Status);
        cluster.Clock.Advance(TimeSpan.FromHours(47));
        Assert.Equal(ReferralStatus.Qualified, (await Referral(friend).Process())!.Status);
        Assert.Equal(0, await Points(Grains, referrer));

        cluster.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(ReferralStatus.Rewarded, (await Referral(friend).Process())!.Status);
        Assert.Equal(100, await Points(Grains, referrer));
    }

    [Fact]
    public async Task NothingCountsAfterTheAttributionWindow()
    {
        var campaign = await ActiveCampaign(Grains, Campaign(window: TimeSpan.FromDays(7)));
        var code = await Code(Grains, campaign, Guid.NewGuid());

        // Qualifying too late after signup.
        var late = Guid.NewGuid();
        await Referral(late).SignUp(Signup(code));
        cluster.Clock.Advance(TimeSpan.FromDays(8));
        await Referral(late).QuizCompleted("quiz:1", cluster.Clock.GetUtcNow());
        var view = (await Referral(late).Get())!;
        Assert.Equal(ReferralStatus.Rejected, view.Status);
        Assert.Equal(RejectReasons.Expired, view.Reason);
        Assert.Equal(0, await Points(Grains, late));

        // Signing up too late after clicking the link on this device.
        var clicker = Signup(code);
        await Grains.GetGrain<IReferralCodeGrain>(code).Click(new LinkClick(cluster.Clock.GetUtcNow(), clicker.NetworkAgentKey, clicker.NetworkKey));
        cluster.Clock.Advance(TimeSpan.FromDays(8));
        var slow = Guid.NewGuid();
        var outcome = await Referral(slow).SignUp(clicker);
        Assert.Equal(ReferralStatus.Rejected, outcome.Referral!.Status);
        Assert.Equal(RejectReasons.Expired, outcome.Referral.Reason);
    }

    [Fact]
    public async Task SelfReferralByEmailOrDeviceIsRejectedAndShownToTheReferrer()
    {
        var campaign = await ActiveCampaign(Grains, Campaign());
        var referrer = Guid.NewGuid();
        await Referral(referrer).SignUp(Signup(null, email: "alice-mailbox", deviceId: "alice-phone"));
        var code = await Code(Grains, campaign, referrer);

        var sameMailbox = await Referral(Guid.NewGuid()).SignUp(Signup(code, email: "alice-mailbox"));
        Assert.Equal(ReferralStatus.Rejected, sameMailbox.Referral!.Status);
        Assert.Equal(RejectReasons.SelfReferral, sameMailbox.Referral.Reason);
        Assert.Contains(sameMailbox.Referral.Signals, s => s.Rule == FraudRules.SameEmail);

        var samePhone = await Referral(Guid.NewGuid()).SignUp(Signup(code, deviceId: "alice-phone"));
        Assert.Equal(RejectReasons.SelfReferral, samePhone.Referral!.Reason);

        var friends = (await Referrer(Grains, campaign, referrer).Summary(0, 20)).Friends;
        Assert.Equal(2, friends.Count);
        Assert.All(friends, f => Assert.Equal(ReferralStatus.Rejected, f.Status));
        Assert.Equal(0, await Points(Grains, referrer));
    }

    [Fact]
    public async Task AReferralLoopIsRejected()
    {
        var campaign = await ActiveCampaign(Grains, Campaign(QualifyingEvent.Signup));
        var alice = Guid.NewGuid();
        var bob = Guid.NewGuid();
        await Referral(alice).SignUp(Signup(null));
        var aliceCode = await Code(Grains, campaign, alice);
        Assert.Equal(ReferralStatus.Rewarded, (await Referral(bob).SignUp(Signup(aliceCode))).Referral!.Status);

        // Alice (say, upgrading a guest account) now signs up with Bob's code.
        var bobCode = await Code(Grains, campaign, bob, "Bob");
        var loop = await Referral(alice).SignUp(Signup(bobCode));
        Assert.Equal(ReferralStatus.Rejected, loop.Referral!.Status);
        Assert.Equal(RejectReasons.Fraud, loop.Referral.Reason);
        Assert.Contains(loop.Referral.Signals, s => s.Rule == FraudRules.Loop);
    }

    [Fact]
    public async Task AMediumRiskReferralWaitsForReviewThenPaysWhenApproved()
    {
        var campaign = await ActiveCampaign(Grains, Campaign());
        var referrer = Guid.NewGuid();
        var code = await Code(Grains, campaign, referrer);
        await Referrer(Grains, campaign, referrer).Seen(new SeenContext("shared-laptop", "na-x", null));
        var friend = Guid.NewGuid();

        var signed = await Referral(friend).SignUp(Signup(code, device: "shared-laptop"));
        Assert.Equal(FraudRisk.Medium, signed.Referral!.Risk);
        Assert.True(signed.Referral.ReviewRequired);
        var queue = await Grains.GetGrain<IReviewQueueGrain>(0).List(0, 100);
        Assert.Contains(queue.Items, i => i.RefereeId == friend);

        await Referral(friend).QuizCompleted("quiz:1", cluster.Clock.GetUtcNow());
        Assert.Equal(ReferralStatus.Qualified, (await Referral(friend).Process())!.Status);
        Assert.Equal(0, await Points(Grains, referrer));

        var admin = Guid.NewGuid();
        var approved = await Referral(friend).Approve(admin, "same family laptop");
        Assert.True(approved.Ok, approved.Detail);
        Assert.Equal(ReferralStatus.Rewarded, approved.Referral!.Status);
        Assert.Contains(approved.Referral.Audit, a => a.Actor == admin && a.Action == "review_approved" && a.Note == "same family laptop");
        Assert.Equal(100, await Points(Grains, referrer));
        Assert.DoesNotContain((await Grains.GetGrain<IReviewQueueGrain>(0).List(0, 100)).Items, i => i.RefereeId == friend);
        Assert.Equal(ReferralErrors.AlreadyDecided, (await Referral(friend).Approve(admin, null)).Error);
    }

    [Fact]
    public async Task ARejectedReviewPaysNothingAndRecordsWhoDecided()
    {
        var campaign = await ActiveCampaign(Grains, Campaign());
        var referrer = Guid.NewGuid();
        var code = await Code(Grains, campaign, referrer);
        var friend = Guid.NewGuid();
        Assert.True((await Referral(friend).SignUp(Signup(code, disposable: true))).Referral!.ReviewRequired);

        var admin = Guid.NewGuid();
        var rejected = await Referral(friend).Reject(admin, "throwaway mailbox");
        Assert.Equal(ReferralStatus.Rejected, rejected.Referral!.Status);
        Assert.Equal(RejectReasons.Fraud, rejected.Referral.Reason);
        Assert.Contains(rejected.Referral.Audit, a => a.Actor == admin && a.Action == "rejected");

        await Referral(friend).QuizCompleted("quiz:1", cluster.Clock.GetUtcNow());
        Assert.Equal(ReferralStatus.Rejected, (await Referral(friend).Get())!.Status);
        Assert.Equal(0, await Points(Grains, referrer));
        Assert.Equal(ReferralErrors.InvalidState, (await Referral(friend).Reverse(admin, "x")).Error);
    }

    [Fact]
    public async Task AReversalClawsBackEveryGrantAndFreesTheCapAndTheBudget()
    {
        var campaign = await ActiveCampaign(Grains, Campaign(QualifyingEvent.Signup, cap: 1, budget: new() { [Currencies.Points] = 150 }));
        var referrer = Guid.NewGuid();
        var code = await Code(Grains, campaign, referrer);
        var friend = Guid.NewGuid();
        Assert.Equal(ReferralStatus.Rewarded, (await Referral(friend).SignUp(Signup(code))).Referral!.Status);
        Assert.Equal(150, (await Grains.GetGrain<ICampaignGrain>(campaign).Get())!.Spent[Currencies.Points]);

        var reversed = await Referral(friend).Reverse(Guid.NewGuid(), "friend banned for cheating");
        Assert.Equal(ReferralStatus.Reversed, reversed.Referral!.Status);
        Assert.All(reversed.Referral.Grants, g => Assert.NotNull(g.ReversalEntryId));
        Assert.Equal(0, await Points(Grains, referrer));
        Assert.Equal(0, await Points(Grains, friend));
        Assert.Equal(4, (await Grains.GetGrain<IRewardWalletGrain>(referrer).Ledger(0, 10)).Total + (await Grains.GetGrain<IRewardWalletGrain>(friend).Ledger(0, 10)).Total);
        Assert.Equal(0, (await Grains.GetGrain<ICampaignGrain>(campaign).Get())!.Spent[Currencies.Points]);
        Assert.Equal(0, (await Referrer(Grains, campaign, referrer).Summary(0, 10)).Rewarded);

        // The cap slot and the budget are free again for the next friend.
        var next = Guid.NewGuid();
        Assert.Equal(ReferralStatus.Rewarded, (await Referral(next).SignUp(Signup(code))).Referral!.Status);
        Assert.Equal(100, await Points(Grains, referrer));
    }

    [Fact]
    public async Task AReversalNeverTakesABalanceBelowZero()
    {
        var campaign = await ActiveCampaign(Grains, Campaign(QualifyingEvent.Signup));
        var code = await Code(Grains, campaign, Guid.NewGuid());
        var friend = Guid.NewGuid();
        await Referral(friend).SignUp(Signup(code));
        Assert.True((await Grains.GetGrain<IRewardWalletGrain>(friend).Debit(new WalletEntryRequest(Currencies.Points, 30, "shop", null, "spend-1"))).Ok);

        var reversed = await Referral(friend).Reverse(Guid.NewGuid(), "fraud");
        Assert.Equal(20, await Points(Grains, friend));
        Assert.Contains(reversed.Referral!.Audit, a => a.Action == "reversal_refused");
    }

    [Fact]
    public async Task MilestonesPayOnceWhenReached()
    {
        var campaign = await ActiveCampaign(Grains, Campaign(QualifyingEvent.Signup, milestones: [new MilestoneTier(2, [new RewardSpec(Currencies.Spins, 3)])]));
        var referrer = Guid.NewGuid();
        var code = await Code(Grains, campaign, referrer);
        for (var i = 0; i < 3; i++)
        {
            await Referral(Guid.NewGuid()).SignUp(Signup(code));
        }

        var balances = await Grains.GetGrain<IRewardWalletGrain>(referrer).Balances();
        Assert.Equal(300, balances[Currencies.Points]);
        Assert.Equal(3, balances[Currencies.Spins]);
        Assert.Equal([2], (await Referrer(Grains, campaign, referrer).Summary(0, 10)).MilestonesReached);
    }

    [Fact]
    public async Task FinishedGamesOnTheAnalyticsStreamQualifyReferrals()
    {
        var campaign = await ActiveCampaign(Grains, Campaign());
        var referrer = Guid.NewGuid();
        var code = await Code(Grains, campaign, referrer);
        var friend = Guid.NewGuid();
        await Referral(friend).SignUp(Signup(code));

        var stream = Grains.GetStreamProvider(StorageNames.StreamProvider)
            .GetStream<QuizCompletedBatch>(StreamId.Create(StreamNamespaces.Analytics, ReferralFeedGrain.QuizKey));
        var room = Guid.NewGuid();
        await stream.OnNextAsync(new QuizCompletedBatch(
        [
            new QuizCompleted(friend, room, Guid.NewGuid(), 900, 1, 2, 3, 3, cluster.Clock.GetUtcNow()),
            new QuizCompleted(Guid.NewGuid(), room, Guid.NewGuid(), 100, 2, 2, 1, 3, cluster.Clock.GetUtcNow()),
        ]));

        var deadline = DateTime.UtcNow.AddSeconds(15);
        while ((await Referral(friend).Get())!.Status != ReferralStatus.Rewarded && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        Assert.Equal(ReferralStatus.Rewarded, (await Referral(friend).Get())!.Status);
        Assert.Equal(100, await Points(Grains, referrer));
    }

    [Fact]
    public async Task TheLeaderboardRanksReferrersByRewardedReferrals()
    {
        var campaign = await ActiveCampaign(Grains, Campaign(QualifyingEvent.Signup));
        var alice = Guid.NewGuid();
        var bob = Guid.NewGuid();
        var aliceCode = await Code(Grains, campaign, alice, "Alice");
        var bobCode = await Code(Grains, campaign, bob, "Bob");
        await Referral(Guid.NewGuid()).SignUp(Signup(bobCode));
        for (var i = 0; i < 2; i++)
        {
            await Referral(Guid.NewGuid()).SignUp(Signup(aliceCode));
        }

        var board = await Grains.GetGrain<ICampaignLeaderboardGrain>(campaign).View(bob, 100);
        Assert.Equal(2, board.Ranked);
        Assert.Equal([("Alice", 2, 1), ("Bob", 1, 2)], board.Top.Select(e => (e.Name, e.Referrals, e.Rank)));
        Assert.Equal(2, board.Own!.Rank);
    }

    [Fact]
    public async Task AnInactiveCampaignAttributesNothing()
    {
        var grains = Grains;
        var id = Guid.NewGuid();
        Assert.True((await grains.GetGrain<ICampaignGrain>(id).Create(Campaign())).Ok);
        var code = await Code(grains, id, Guid.NewGuid());
        var outcome = await Referral(Guid.NewGuid()).SignUp(Signup(code));
        Assert.Equal(ReferralStatus.Rejected, outcome.Referral!.Status);
        Assert.Equal(RejectReasons.CampaignNotLive, outcome.Referral.Reason);
    }

    [Fact]
    public async Task ACodeRewardComesFromItsPoolOnceAndAnEmptyPoolIsRecorded()
    {
        var pool = "ref-pool-" + Guid.NewGuid().ToString("N")[..8];
        var pools = Grains.GetGrain<ICodePoolGrain>(pool);
        Assert.True((await pools.Create("Referral coupons", null)).Ok);
        Assert.True((await pools.AddCodes(["WELCOME-0001"])).Ok);
        var definition = Campaign(QualifyingEvent.Signup) with
        {
            Variants = [new OfferVariant("coupon", 1, [new RewardSpec(Currencies.Points, 10)], [new RewardSpec(RewardSpec.Code, 1, pool)])],
        };
        var campaign = await ActiveCampaign(Grains, definition);
        var code = await Code(Grains, campaign, Guid.NewGuid());

        var friend = Guid.NewGuid();
        Assert.Equal(ReferralStatus.Rewarded, (await Referral(friend).SignUp(Signup(code))).Referral!.Status);
        await Referral(friend).Process();
        var coupon = Assert.Single(await Grains.GetGrain<IRewardWalletGrain>(friend).Codes());
        Assert.Equal("WELCOME-0001", coupon.Code);
        Assert.Equal(0, await pools.Stock());

        // The pool is empty for the next friend: that line closes with its error, the rest is paid.
        var next = Guid.NewGuid();
        var view = (await Referral(next).SignUp(Signup(code))).Referral!;
        Assert.Equal(ReferralStatus.Rewarded, view.Status);
        Assert.Contains(view.Audit, a => a.Action == "grant_refused");
        Assert.Empty(await Grains.GetGrain<IRewardWalletGrain>(next).Codes());
    }

    [Fact]
    public async Task AWheelSpinOnTheAnalyticsStreamQualifiesOnce()
    {
        var campaign = await ActiveCampaign(Grains, Campaign(QualifyingEvent.FirstWheelSpin));
        var referrer = Guid.NewGuid();
        var code = await Code(Grains, campaign, referrer);
        var friend = Guid.NewGuid();
        await Referral(friend).SignUp(Signup(code));
        await Referral(friend).QuizCompleted("quiz:x", cluster.Clock.GetUtcNow());
        Assert.Equal(ReferralStatus.Pending, (await Referral(friend).Get())!.Status);

        var stream = Grains.GetStreamProvider(StorageNames.StreamProvider)
            .GetStream<WheelSpun>(StreamId.Create(StreamNamespaces.Analytics, ReferralFeedGrain.WheelKey));
        var spun = new WheelSpun(friend, "wheel-1", "spin-1", cluster.Clock.GetUtcNow());
        await stream.OnNextAsync(spun);
        await stream.OnNextAsync(spun);

        var deadline = DateTime.UtcNow.AddSeconds(15);
        while ((await Referral(friend).Get())!.Status != ReferralStatus.Rewarded && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        Assert.Equal(ReferralStatus.Rewarded, (await Referral(friend).Get())!.Status);
        Assert.Equal(100, await Points(Grains, referrer));
    }
}
