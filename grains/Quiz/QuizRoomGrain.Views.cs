using Referral.Grains.Abstractions;
using Referral.Grains.Abstractions.Quiz;

namespace Referral.Grains.Quiz;

/// <summary>Views (snapshot, ranking, reveal, report) and event publishing.</summary>
public sealed partial class QuizRoomGrain
{
    public ValueTask<QuizOutcome<RoomReport>> Report(Guid hostId)
    {
        if (HostCheck<RoomReport>(hostId) is { } refused)
        {
            return ValueTask.FromResult(refused);
        }

        var questions = QuestionDefinitions;
        var rows = new List<ReportRow>(S.Players.Count * questions.Count);
        foreach (var (userId, player) in S.Players.OrderBy(p => p.Value.JoinOrder))
        {
            for (var i = 0; i < questions.Count && i <= S.QuestionIndex; i++)
            {
                var answer = player.Answers[i];
                rows.Add(new ReportRow(
                    userId,
                    player.Nickname,
                    i,
                    answer is null ? "" : AnswerText(questions[i], answer),
                    answer is not null,
                    answer?.Correct ?? false,
                    answer?.ElapsedMs ?? 0,
                    answer?.Points ?? 0));
            }
        }

        return ValueTask.FromResult(QuizOutcome.Success(new RoomReport(RoomId, S.Quiz!.Definition.Title, questions.Select(q => q.Text).ToList(), rows, Rank())));
    }

    private RoomSnapshot SnapshotFor(Guid userId)
    {
        PlayerStanding? me = null;
        var ranking = S.Phase == RoomPhase.Lobby ? [] : Rank();
        if (S.Players.TryGetValue(userId, out var player))
        {
            var rank = ranking.FirstOrDefault(r => r.UserId == userId)?.Rank ?? 0;
            var answered = S.QuestionIndex >= 0 && player.Answers[S.QuestionIndex] is not null;
            me = new PlayerStanding(userId, player.Nickname, player.Score, rank, player.Streak, answered);
        }

        var showQuestion = S.Phase is RoomPhase.Question or RoomPhase.Results && S.QuestionIndex >= 0;
        return new RoomSnapshot(
            RoomId,
            S.Pin,
            S.Sequence,
            S.Phase,
            S.Locked,
            _seated,
            showQuestion ? PublicForm(S.QuestionIndex) : null,
            S.Phase == RoomPhase.Question ? S.Deadline : null,
            time.GetUtcNow(),
            me,
            userId == S.HostId,
            S.Quiz?.Definition.Title ?? "",
            ranking.Take(S.Phase == RoomPhase.Ended ? 3 : 10).ToList());
    }

    /// <summary>Total, then fully correct answers, then who scored last earliest, then join order: no shared ranks.</summary>
    private List<RankEntry> Rank() =>
        S.Players
            .OrderByDescending(p => p.Value.Score)
            .ThenByDescending(p => p.Value.CorrectCount)
            .ThenBy(p => p.Value.LastPointsAt ?? DateTimeOffset.MaxValue)
            .ThenBy(p => p.Value.JoinOrder)
            .Select((p, i) => new RankEntry(i + 1, p.Key, p.Value.Nickname, p.Value.Score, p.Value.CorrectCount))
            .ToList();

    private PublicQuestion PublicForm(int index)
    {
        var q = QuestionDefinitions[index];
        var options = S.DisplayOrders[index].Select(id => new PublicOption(id, q.Options[id])).ToList();
        return new PublicQuestion(index, QuestionDefinitions.Count, q.Type, q.Text, options, q.TimeLimitSeconds, q.Points, q.ImageUrl);
    }

    private static RevealedAnswer Reveal(QuestionDefinition q) => q.Type switch
    {
        QuestionType.Poll => new RevealedAnswer([], []),
        QuestionType.TypeAnswer => new RevealedAnswer([], q.AcceptedAnswers),
        QuestionType.Ordering => new RevealedAnswer(Enumerable.Range(0, q.Options.Count).ToList(), []),
        _ => new RevealedAnswer(q.CorrectOptions, []),
    };

    private (IReadOnlyList<int> Counts, int NoAnswer) Distribution(QuestionDefinition q, int index)
    {
        var answers = S.Players.Values.Select(p => p.Answers[index]).ToList();
        var noAnswer = answers.Count(a => a is null);
        var given = answers.Where(a => a is not null).Select(a => a!).ToList();
        if (q.Type is QuestionType.TypeAnswer or QuestionType.Ordering)
        {
            return ([given.Count(a => a.Correct), given.Count(a => !a.Correct && a.Credit > 0), given.Count(a => a.Credit <= 0)], noAnswer);
        }

        var counts = new int[q.Options.Count];
        foreach (var choice in given.SelectMany(a => a.Choices ?? []))
        {
            counts[choice]++;
        }

        return (counts, noAnswer);
    }

    private static string AnswerText(QuestionDefinition q, RecordedAnswer answer) =>
        q.Type == QuestionType.TypeAnswer
            ? answer.Text ?? ""
            : string.Join(" | ", (answer.Choices ?? []).Select(c => q.Options[c]));

    private async Task Publish(Func<long, RoomEvent> create)
    {
        S.Sequence++;
        await _stream!.OnNextAsync(create(S.Sequence));
    }

    private async Task Persist()
    {
        await state.WriteStateAsync();
        _stateDirty = false;
        _lastFlush = time.GetUtcNow();
    }

    private void MarkActivity()
    {
        _activityPending = true;
        _stateDirty = true;
    }

    private void StartActivityTimer()
    {
        _activityTimer ??= this.RegisterGrainTimer(
            OnActivityTick,
            new GrainTimerCreationOptions(Options.ActivityInterval, Options.ActivityInterval) { KeepAlive = true });
    }

    private async Task OnActivityTick(CancellationToken cancellationToken)
    {
        await CloseIfDue();
        await PublishActivity();
        if (_stateDirty && time.GetUtcNow() - _lastFlush >= Options.StateFlushInterval)
        {
            await Persist();
        }
    }

    private async Task PublishActivity()
    {
        if (!_activityPending)
        {
            return;
        }

        _activityPending = false;
        var joins = _recentJoins.ToList();
        _recentJoins.Clear();
        var answered = S.Phase == RoomPhase.Question ? _answered : 0;
        await Publish(seq => new PlayersChanged(RoomId, seq, _seated, answered, joins));
    }

    private async Task PublishCompletions(CancellationToken cancellationToken)
    {
        await PayRewards();
        if (S.CompletionsPublished)
        {
            return;
        }

        var provider = this.GetStreamProvider(StorageNames.StreamProvider);
        var analytics = provider.GetStream<QuizCompletedBatch>(StreamId.Create(StreamNamespaces.Analytics, "quiz"));
        var now = time.GetUtcNow();
        var completions = Rank().Select(r => new QuizCompleted(
            r.UserId, RoomId, S.Quiz!.Id, r.Score, r.Rank, S.Players.Count, r.CorrectAnswers, QuestionDefinitions.Count, now)).ToList();
        // Batches on the one analytics stream, not an event on each player's own stream: every
        // stream an agent has seen stays in its cache for the inactivity period and is walked on
        // every queue read, so 10,000 one-off user streams cost an idle silo a quarter of a core.
        foreach (var batch in completions.Chunk(Math.Max(1, Options.CompletionBatchSize)))
        {
            await analytics.OnNextAsync(new QuizCompletedBatch(batch));
        }

        S.CompletionsPublished = true;
        await Persist();
    }
}
