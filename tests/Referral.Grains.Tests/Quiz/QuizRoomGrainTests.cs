using Microsoft.Extensions.DependencyInjection;
using Orleans.Core.Internal;
using Orleans.Runtime;
using Orleans.Storage;
using Orleans.Streams;
using Referral.Grains.Abstractions;
using Referral.Grains.Abstractions.Quiz;
using Referral.Grains.Quiz;
using Xunit;

namespace Referral.Grains.Tests.Quiz;

[Collection(RoomCluster.Name)]
public sealed class QuizRoomGrainTests(RoomClusterFixture fixture)
{
    private static readonly Guid Host = Guid.NewGuid();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static QuizDefinition TwoQuestions() => new("Capitals", null,
    [
        new QuestionDefinition(QuestionType.SingleChoice, "Capital of France?", ["Lyon", "Paris", "Nice"], [1], [], 20, PointsMode.Standard, null),
        new QuestionDefinition(QuestionType.Ordering, "North to south", ["Lille", "Paris", "Lyon", "Nice"], [], [], 30, PointsMode.Double, null),
    ]);

    private async Task<(IQuizRoomGrain Room, RoomInfo Info)> OpenRoom(QuizDefinition? quiz = null, int maxPlayers = 0)
    {
        var quizId = Guid.NewGuid();
        var created = await fixture.Client.GetGrain<IQuizGrain>(quizId).Create(Host, quiz ?? TwoQuestions());
        Assert.True(created.Ok, created.Detail);
        var room = fixture.Client.GetGrain<IQuizRoomGrain>(Guid.NewGuid());
        var opened = await room.Open(new OpenRoom(Host, created.Value!, new RoomSettings(maxPlayers, false, 0)));
        Assert.True(opened.Ok, opened.Detail);
        return (room, opened.Value!);
    }

    [Fact]
    public async Task OpeningARoomClaimsAUniqueSixDigitPinThatResolvesToIt()
    {
        var (room, info) = await OpenRoom();
        Assert.True(RoomPins.IsWellFormed(info.Pin));
        Assert.Equal(room.GetPrimaryKey(), await fixture.Client.GetGrain<IRoomPinGrain>(info.Pin).Resolve());
        Assert.False(await fixture.Client.GetGrain<IRoomPinGrain>(info.Pin).Claim(Guid.NewGuid()));
    }

    [Fact]
    public async Task NicknamesAreCleanedUniqueIgnoringCaseAndCheckedForProfanity()
    {
        var (room, _) = await OpenRoom();
        var alice = await room.Join(Guid.NewGuid(), "  Al\u200Bice ");
        Assert.True(alice.Ok);
        Assert.Equal("Alice", alice.Value!.Me!.Nickname);

        Assert.Equal(QuizErrors.NicknameTaken, (await room.Join(Guid.NewGuid(), "ALICE")).Error);
        Assert.Equal(QuizErrors.NicknameInvalid, (await room.Join(Guid.NewGuid(), "connard")).Error);
        Assert.Equal(QuizErrors.NicknameInvalid, (await room.Join(Guid.NewGuid(), "x")).Error);
        Assert.Equal(1, (await room.Snapshot(Host)).Value!.PlayerCount);
    }

    [Fact]
    public async Task RejoiningKeepsTheSeatAndALockedRoomRefusesNewcomers()
    {
        var (room, _) = await OpenRoom();
        var bob = Guid.NewGuid();
        await room.Join(bob, "Bob");
        Assert.True((await room.Lock(Host, true)).Ok);

        Assert.Equal(QuizErrors.RoomLocked, (await room.Join(Guid.NewGuid(), "Carol")).Error);
        var again = await room.Join(bob, "Bobby");
        Assert.True(again.Ok);
        Assert.Equal("Bob", again.Value!.Me!.Nickname);
        Assert.True(again.Value.Locked);
    }

    [Fact]
    public async Task ARoomRefusesPlayersBeyondItsCap()
    {
        var (room, _) = await OpenRoom(maxPlayers: 2);
        Assert.True((await room.Join(Guid.NewGuid(), "One")).Ok);
        Assert.True((await room.Join(Guid.NewGuid(), "Two")).Ok);
        Assert.Equal(QuizErrors.RoomFull, (await room.Join(Guid.NewGuid(), "Three")).Error);
    }

    [Fact]
    public async Task HostOnlyControlsRefusePlayers()
    {
        var (room, _) = await OpenRoom();
        var player = Guid.NewGuid();
        await room.Join(player, "Player");
        Assert.Equal(QuizErrors.NotHost, (await room.Start(player)).Error);
        Assert.Equal(QuizErrors.NotHost, (await room.Lock(player, true)).Error);
        Assert.Equal(QuizErrors.NotHost, (await room.Kick(player, player)).Error);
        Assert.Equal(QuizErrors.NotHost, (await room.Next(player)).Error);
        Assert.Equal(QuizErrors.NotHost, (await room.End(player)).Error);
        Assert.Equal(QuizErrors.NotHost, (await room.Report(player)).Error);
        Assert.Equal(RoomPhase.Lobby, (await room.Snapshot(Host)).Value!.Phase);
    }

    [Fact]
    public async Task AKickedPlayerCannotRejoinOrAnswer()
    {
        var (room, _) = await OpenRoom();
        await using var events = await RoomEvents.Subscribe(fixture.Client, room.GetPrimaryKey());
        var (mallory, other) = (Guid.NewGuid(), Guid.NewGuid());
        await room.Join(mallory, "Mallory");
        await room.Join(other, "Other");
        Assert.True((await room.Kick(Host, mallory)).Ok);

        Assert.Equal(mallory, (await events.Next<PlayerKicked>()).UserId);
        Assert.Equal(QuizErrors.Kicked, (await room.Join(mallory, "Mallory2")).Error);
        await room.Start(Host);
        Assert.Equal(QuizErrors.Kicked, (await room.Answer(mallory, new AnswerSubmission(0, [1], null))).Error);
    }

    [Fact]
    public async Task AFullGameScoresByServerTimeAndClosesWhenEveryoneAnswered()
    {
        var (room, _) = await OpenRoom();
        await using var events = await RoomEvents.Subscribe(fixture.Client, room.GetPrimaryKey());
        var (ann, ben, cat) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await room.Join(ann, "Ann");
        await room.Join(ben, "Ben");
        await room.Join(cat, "Cat");

        Assert.True((await room.Start(Host)).Ok);
        var q0 = await events.Next<QuestionStarted>(e => e.Question.Index == 0);
        Assert.Equal(q0.OpenedAt + TimeSpan.FromSeconds(20), q0.Deadline);

        fixture.Clock.Advance(TimeSpan.FromMilliseconds(300));      // Ann: 0.3 s → full points
        Assert.False((await room.Answer(ann, new AnswerSubmission(0, [1], null))).Value!.Duplicate);
        fixture.Clock.Advance(TimeSpan.FromMilliseconds(9_700));    // Ben: 10 s → 750
        Assert.True((await room.Answer(ben, new AnswerSubmission(0, [1], null))).Ok);
        var duplicate = await room.Answer(ben, new AnswerSubmission(0, [0], null));
        Assert.True(duplicate.Value!.Duplicate);                     // a repeat changes nothing
        Assert.Equal(QuizErrors.WrongQuestion, (await room.Answer(cat, new AnswerSubmission(1, [0, 1, 2, 3], null))).Error);
        Assert.Equal(QuizErrors.InvalidAnswer, (await room.Answer(cat, new AnswerSubmission(0, [7], null))).Error);
        Assert.True((await room.Answer(cat, new AnswerSubmission(0, [0], null))).Ok);   // wrong

        var closed = await events.Next<QuestionClosed>(e => e.Index == 0);
        Assert.Equal([1], closed.Answer.CorrectOptionIds);
        Assert.Equal([1, 2, 0], closed.Distribution);
        var byUser = closed.Results.ToDictionary(r => r.UserId);
        Assert.Equal(1000, byUser[ann].Points);
        Assert.Equal(750, byUser[ben].Points);
        Assert.Equal(0, byUser[cat].Points);
        Assert.Equal([1, 2, 3], new[] { byUser[ann].Rank, byUser[ben].Rank, byUser[cat].Rank });

        Assert.True((await room.Next(Host)).Ok);
        var q1 = await events.Next<QuestionStarted>(e => e.Question.Index == 1);
        var shown = q1.Question.Options.Select(o => o.Id).ToArray();
        Assert.NotEqual([0, 1, 2, 3], shown);                         // ordering items are shuffled

        Assert.True((await room.Answer(ann, new AnswerSubmission(1, [0, 1, 2, 3], null))).Ok);  // all in place, t=0
        Assert.True((await room.Answer(ben, new AnswerSubmission(1, [1, 0, 2, 3], null))).Ok);  // half in place
        fixture.Clock.Advance(TimeSpan.FromSeconds(31));              // Cat is too late
        Assert.Equal(QuizErrors.TooLate, (await room.Answer(cat, new AnswerSubmission(1, [0, 1, 2, 3], null))).Error);

        var last = await events.Next<QuestionClosed>(e => e.Index == 1);
        Assert.True(last.IsLast);
        var final = last.Results.ToDictionary(r => r.UserId);
        Assert.Equal(1000 + 2000 + 100, final[ann].Total);            // double points + streak bonus
        Assert.Equal(750 + 1000, final[ben].Total);                   // half credit at t=0 on double
        Assert.Equal(0, final[cat].Total);
        Assert.False(final[cat].Answered);

        Assert.True((await room.Next(Host)).Ok);
        var ended = await events.Next<GameEnded>();
        Assert.Equal([ann, ben, cat], ended.Podium.Select(p => p.UserId));
        Assert.Equal(RoomPhase.Ended, (await room.Snapshot(ann)).Value!.Phase);

        var report = (await room.Report(Host)).Value!;
        Assert.Equal(6, report.Rows.Count);
        Assert.Contains(report.Rows, r => r.UserId == ben && r.QuestionIndex == 0 && r.Answer == "Paris" && r.TimeMs == 10_000 && r.Points == 750);
        Assert.Contains(report.Rows, r => r.UserId == cat && r.QuestionIndex == 1 && !r.Answered);

        // Sequences strictly increase, so clients can drop stale events.
        var sequences = events.All.Select(e => e.Sequence).ToList();
        Assert.Equal(sequences.Order(), sequences);
        Assert.Equal(sequences.Count, sequences.Distinct().Count());
    }

    [Fact]
    public async Task TheDeadlineIsJudgedByTheClockEvenIfNoTimerHasFired()
    {
        var (room, _) = await OpenRoom();
        var (p1, p2) = (Guid.NewGuid(), Guid.NewGuid());
        await room.Join(p1, "Early");
        await room.Join(p2, "Late");
        await room.Start(Host);
        Assert.True((await room.Answer(p1, new AnswerSubmission(0, [1], null))).Ok);

        fixture.Clock.Advance(TimeSpan.FromSeconds(20) + TimeSpan.FromMilliseconds(1));
        var late = await room.Answer(p2, new AnswerSubmission(0, [1], null));
        Assert.Equal(QuizErrors.TooLate, late.Error);

        var snapshot = (await room.Snapshot(p2)).Value!;
        Assert.Equal(RoomPhase.Results, snapshot.Phase);
        Assert.Equal(0, snapshot.Me!.Score);
        Assert.Equal(1000, (await room.Snapshot(p1)).Value!.Me!.Score);
    }

    [Fact]
    public async Task AnOpenedQuestionIsWrittenByTheNextPeriodicFlushAndSurvivesADeactivation()
    {
        var (room, _) = await OpenRoom();
        await room.Join(Guid.NewGuid(), "First");
        await room.Join(Guid.NewGuid(), "Second");
        var storage = fixture.SiloServices.GetRequiredKeyedService<IGrainStorage>(StorageNames.Default);

        var started = (await room.Start(Host)).Value!;
        Assert.Equal(RoomPhase.Question, started.Phase);

        // Not written while the question goes out: the clock has not moved, so no flush is due.
        await Task.Delay(600, Ct);
        Assert.NotEqual(RoomPhase.Question, (await Stored(storage, room)).Phase);

        // The activity timer writes it once the flush interval (1 s) has passed.
        fixture.Clock.Advance(TimeSpan.FromSeconds(1));
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        QuizRoomState stored;
        while ((stored = await Stored(storage, room)).Phase != RoomPhase.Question)
        {
            Assert.True(DateTime.UtcNow < deadline, "the opened question was not written within 10 s");
            await Task.Delay(50, Ct);
        }

        Assert.Equal(started.Deadline, stored.Deadline);

        // And a room deactivated before any periodic write keeps its open question.
        var (other, _) = await OpenRoom();
        var player = Guid.NewGuid();
        await other.Join(player, "Solo");
        await other.Join(Guid.NewGuid(), "Duo");
        var open = (await other.Start(Host)).Value!;
        await other.Cast<IGrainManagementExtension>().DeactivateOnIdle(Ct);
        var resumed = (await other.Snapshot(player)).Value!;
        Assert.Equal(RoomPhase.Question, resumed.Phase);
        Assert.Equal(0, resumed.Question!.Index);
        Assert.Equal(open.Deadline, resumed.Deadline);
    }

    private static async Task<QuizRoomState> Stored(IGrainStorage storage, IQuizRoomGrain room)
    {
        var state = new GrainState<QuizRoomState>(new QuizRoomState());
        await storage.ReadStateAsync("room", room.GetGrainId(), state);
        return state.State ?? new QuizRoomState();
    }

    [Fact]
    public async Task AReconnectingPlayerGetsASnapshotWithoutTheAnswer()
    {
        var (room, _) = await OpenRoom();
        var player = Guid.NewGuid();
        await room.Join(player, "Resumer");
        await room.Join(Guid.NewGuid(), "Other");
        await room.Start(Host);
        await room.Answer(player, new AnswerSubmission(0, [2], null));

        var snapshot = (await room.Snapshot(player)).Value!;
        Assert.Equal(RoomPhase.Question, snapshot.Phase);
        Assert.Equal(0, snapshot.Question!.Index);
        Assert.True(snapshot.Me!.AnsweredCurrent);
        Assert.NotNull(snapshot.Deadline);
        Assert.True(snapshot.Sequence > 0);
        Assert.Equal(QuizErrors.NotInRoom, (await room.Snapshot(Guid.NewGuid())).Error);
    }

    [Fact]
    public async Task JoinsAreCoalescedIntoFewActivityEvents()
    {
        var (room, _) = await OpenRoom();
        await using var events = await RoomEvents.Subscribe(fixture.Client, room.GetPrimaryKey());
        for (var i = 0; i < 200; i++)
        {
            Assert.True((await room.Join(Guid.NewGuid(), $"Player {i}")).Ok);
        }

        var activity = await events.Next<PlayersChanged>(e => e.PlayerCount == 200);
        Assert.True(activity.RecentJoins.Count <= 20);
        var published = events.All.OfType<PlayersChanged>().Count();
        Assert.True(published < 20, $"200 joins produced {published} activity events: joins must be coalesced, not one event each");
    }

    [Fact]
    public async Task EndingAGamePublishesEveryPlayersCompletionInBatchesToAnalyticsAndNothingOnTheirOwnStreams()
    {
        var (room, _) = await OpenRoom();
        var players = Enumerable.Range(0, 5).Select(_ => Guid.NewGuid()).ToList();
        var provider = fixture.Client.GetStreamProvider(Referral.Grains.Abstractions.StorageNames.StreamProvider);
        var batches = new System.Collections.Concurrent.ConcurrentBag<QuizCompletedBatch>();
        var onOwnStream = new System.Collections.Concurrent.ConcurrentBag<object>();

        // A player's own stream carries referral activity, not one event per finished game: every
        // stream a pulling agent has seen is walked on each queue read for the inactivity period.
        var own = await provider.GetStream<object>(StreamId.Create(Referral.Grains.Abstractions.StreamNamespaces.User, players[0]))
            .SubscribeAsync((e, _) =>
            {
                onOwnStream.Add(e);
                return Task.CompletedTask;
            });
        var analytics = await provider.GetStream<QuizCompletedBatch>(StreamId.Create(Referral.Grains.Abstractions.StreamNamespaces.Analytics, "quiz"))
            .SubscribeAsync((b, _) =>
            {
                if (b.Items.Any(i => i.RoomId == room.GetPrimaryKey()))
                {
                    batches.Add(b);
                }

                return Task.CompletedTask;
            });

        for (var i = 0; i < players.Count; i++)
        {
            await room.Join(players[i], $"Finisher {i}");
        }

        await room.Start(Host);
        await room.Answer(players[0], new AnswerSubmission(0, [1], null));
        await room.End(Host);

        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (batches.SelectMany(b => b.Items).Count() < players.Count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        var completed = batches.SelectMany(b => b.Items).ToList();
        Assert.Equal(players.Order(), completed.Select(c => c.UserId).Order());
        var winner = Assert.Single(completed, c => c.UserId == players[0]);
        Assert.Equal(1, winner.Rank);
        Assert.Equal(1000, winner.Score);
        Assert.Equal(1, winner.CorrectAnswers);
        Assert.All(completed, c => Assert.Equal(room.GetPrimaryKey(), c.RoomId));

        // The batches went through the same agents well before now.
        await Task.Delay(500, TestContext.Current.CancellationToken);
        Assert.Empty(onOwnStream);

        await own.UnsubscribeAsync();
        await analytics.UnsubscribeAsync();
    }

    [Fact]
    public async Task AnAutoAdvancingRoomMovesOnByItselfAfterTheReveal()
    {
        var created = await fixture.Client.GetGrain<IQuizGrain>(Guid.NewGuid()).Create(Host, TwoQuestions());
        var room = fixture.Client.GetGrain<IQuizRoomGrain>(Guid.NewGuid());
        Assert.True((await room.Open(new OpenRoom(Host, created.Value!, new RoomSettings(0, AutoAdvance: true, AutoAdvanceSeconds: 3)))).Ok);
        await using var events = await RoomEvents.Subscribe(fixture.Client, room.GetPrimaryKey());
        var player = Guid.NewGuid();
        await room.Join(player, "Auto");
        await room.Start(Host);
        await room.Answer(player, new AnswerSubmission(0, [1], null));     // everyone answered: closes now

        await events.Next<QuestionClosed>(e => e.Index == 0);
        var second = await events.Next<QuestionStarted>(e => e.Question.Index == 1, timeoutMs: 15_000);
        Assert.Equal(1, second.Question.Index);
        Assert.Equal(RoomPhase.Question, (await room.Snapshot(Host)).Value!.Phase);

        var invalid = await fixture.Client.GetGrain<IQuizRoomGrain>(Guid.NewGuid())
            .Open(new OpenRoom(Host, created.Value!, new RoomSettings(0, AutoAdvance: true, AutoAdvanceSeconds: 1)));
        Assert.Equal(QuizErrors.ValidationFailed, invalid.Error);
        Assert.Contains("autoAdvanceSeconds", invalid.Fields!.Keys);
    }
}
