using Orleans.Core.Internal;
using Referral.Grains.Abstractions.Quiz;
using Referral.Grains.Abstractions.Wallet;
using Referral.Grains.Quiz;
using Xunit;

namespace Referral.Grains.Tests.Quiz;

/// <summary>Rank rewards of a room: paid into wallets at the end of the game, once, to players who played.</summary>
[Collection(RoomCluster.Name)]
public sealed class RoomRewardTests(RoomClusterFixture fixture)
{
    private static readonly Guid Host = Guid.NewGuid();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly IReadOnlyList<RoomReward> Podium =
    [
        new(1, 1, Currencies.Spins, 3),
        new(2, 3, Currencies.Spins, 1),
        new(4, 10, Currencies.Points, 50),
    ];

    private async Task<IQuizRoomGrain> OpenRoom(IReadOnlyList<RoomReward>? rewards)
    {
        var quiz = await fixture.Client.GetGrain<IQuizGrain>(Guid.NewGuid()).Create(Host, new QuizDefinition("Rewards", null, [Questions.Single(correct: 1)]));
        Assert.True(quiz.Ok, quiz.Detail);
        var room = fixture.Client.GetGrain<IQuizRoomGrain>(Guid.NewGuid());
        var opened = await room.Open(new OpenRoom(Host, quiz.Value!, new RoomSettings(0, false, 0, rewards)));
        Assert.True(opened.Ok, opened.Detail);
        return room;
    }

    [Fact]
    public async Task ThePodiumEarnsSpinsOnceAndSilentPlayersEarnNothing()
    {
        var room = await OpenRoom(Podium);
        var players = Enumerable.Range(0, 5).Select(_ => Guid.NewGuid()).ToList();
        for (var i = 0; i < players.Count; i++)
        {
            Assert.True((await room.Join(players[i], $"Player {i}")).Ok);
        }

        Assert.True((await room.Start(Host)).Ok);
        // Players 0-2 answer right in that order, player 3 wrong; player 4 never answers.
        for (var i = 0; i < 4; i++)
        {
            fixture.Clock.Advance(TimeSpan.FromSeconds(1));
            Assert.True((await room.Answer(players[i], Questions.Choose(i < 3 ? 1 : 0))).Ok);
        }

        Assert.True((await room.CloseQuestion(Host)).Ok);
        Assert.True((await room.End(Host)).Ok);

        var wallets = players.Select(p => fixture.Client.GetGrain<IRewardWalletGrain>(p)).ToList();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while ((await wallets[3].Balances())[Currencies.Points] == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "rank rewards were not paid within 10 s of the end");
            await Task.Delay(20, Ct);
        }

        Assert.Equal(3, (await wallets[0].Balances())[Currencies.Spins]);
        Assert.Equal(1, (await wallets[1].Balances())[Currencies.Spins]);
        Assert.Equal(1, (await wallets[2].Balances())[Currencies.Spins]);
        Assert.Equal(50, (await wallets[3].Balances())[Currencies.Points]);
        Assert.Equal(0, (await wallets[4].Ledger(0, 10)).Total);

        // A reactivated room does not pay again.
        await room.Cast<IGrainManagementExtension>().DeactivateOnIdle(Ct);
        await room.Info();
        await Task.Delay(200, Ct);
        Assert.Equal(1, (await wallets[0].Ledger(0, 10)).Total);
        Assert.Equal(RoomRewards.Key(room.GetPrimaryKey()), (await wallets[0].Ledger(0, 1)).Entries.Single().IdempotencyKey);
    }

    [Fact]
    public async Task BadRewardTiersAreRefusedWhenTheRoomOpens()
    {
        var quiz = await fixture.Client.GetGrain<IQuizGrain>(Guid.NewGuid()).Create(Host, new QuizDefinition("Bad", null, [Questions.Single()]));
        var room = fixture.Client.GetGrain<IQuizRoomGrain>(Guid.NewGuid());

        var opened = await room.Open(new OpenRoom(Host, quiz.Value!, new RoomSettings(0, false, 0,
            [new(1, 3, Currencies.Spins, 1), new(3, 5, "gold", 0), new(0, 1, Currencies.Points, 1)])));

        Assert.Equal(QuizErrors.ValidationFailed, opened.Error);
        Assert.Equal(
            ["rewards[1].amount", "rewards[1].currency", "rewards[1].fromRank", "rewards[2].fromRank"],
            opened.Fields!.Keys.Order(StringComparer.Ordinal));
    }
}
