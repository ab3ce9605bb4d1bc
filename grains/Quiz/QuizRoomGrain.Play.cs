using Referral.Grains.Abstractions.Quiz;

namespace Referral.Grains.Quiz;

/// <summary>The question lifecycle: open, answer, close, advance, end.</summary>
public sealed partial class QuizRoomGrain
{
    public async ValueTask<QuizOutcome<RoomSnapshot>> Start(Guid hostId)
    {
        if (HostCheck<RoomSnapshot>(hostId) is { } refused)
        {
            return refused;
        }

        if (S.Phase != RoomPhase.Lobby)
        {
            return QuizOutcome.Fail<RoomSnapshot>(QuizErrors.WrongPhase, "The game has already started.");
        }

        await OpenQuestion(0);
        return QuizOutcome.Success(SnapshotFor(hostId));
    }

    public async ValueTask<QuizOutcome<RoomSnapshot>> Next(Guid hostId)
    {
        if (HostCheck<RoomSnapshot>(hostId) is { } refused)
        {
            return refused;
        }

        await CloseIfDue();
        if (S.Phase != RoomPhase.Results)
        {
            return QuizOutcome.Fail<RoomSnapshot>(QuizErrors.WrongPhase, "Next is possible after a question closed.");
        }

        await Advance();
        return QuizOutcome.Success(SnapshotFor(hostId));
    }

    public async ValueTask<QuizOutcome<RoomSnapshot>> CloseQuestion(Guid hostId)
    {
        if (HostCheck<RoomSnapshot>(hostId) is { } refused)
        {
            return refused;
        }

        await CloseIfDue();
        if (S.Phase != RoomPhase.Question)
        {
            return QuizOutcome.Fail<RoomSnapshot>(QuizErrors.WrongPhase, "No question is open.");
        }

        await Close();
        return QuizOutcome.Success(SnapshotFor(hostId));
    }

    public async ValueTask<QuizOutcome<RoomSnapshot>> End(Guid hostId)
    {
        if (HostCheck<RoomSnapshot>(hostId) is { } refused)
        {
            return refused;
        }

        if (S.Phase == RoomPhase.Ended)
        {
            return QuizOutcome.Success(SnapshotFor(hostId));
        }

        if (S.Phase == RoomPhase.Question)
        {
            await Close();
        }

        await EndGame();
        return QuizOutcome.Success(SnapshotFor(hostId));
    }

    public async ValueTask<QuizOutcome<AnswerAck>> Answer(Guid userId, AnswerSubmission answer)
    {
        // Stamped first: the answer's time is when it reached the server (the front door's stamp,
        // clamped to the room's clock so a skewed or forged stamp can neither predate the question
        // nor postdate now), whatever happens next.
        var now = time.GetUtcNow();
        var receivedAt = answer.ReceivedAt is { } stamped && stamped < now ? stamped : now;
        if (S.OpenedAt is { } opened && receivedAt < opened)
        {
            receivedAt = opened;
        }
        if (!S.IsOpen)
        {
            return QuizOutcome.Fail<AnswerAck>(QuizErrors.RoomNotFound, "No such room.");
        }

        if (S.Kicked.Contains(userId))
        {
            return QuizOutcome.Fail<AnswerAck>(QuizErrors.Kicked, "The host removed you from this room.");
        }

        if (!S.Players.TryGetValue(userId, out var player) || player.Left)
        {
            return QuizOutcome.Fail<AnswerAck>(QuizErrors.NotInRoom, "Join the room first.");
        }

        if (answer.QuestionIndex != S.QuestionIndex)
        {
            return QuizOutcome.Fail<AnswerAck>(QuizErrors.WrongQuestion, $"Question {answer.QuestionIndex} is not the current question.");
        }

        if (player.Answers[S.QuestionIndex] is { } first)
        {
            return QuizOutcome.Success(new AnswerAck(S.QuestionIndex, first.ReceivedAt, Duplicate: true));
        }

        if (S.Phase != RoomPhase.Question || receivedAt > S.Deadline)
        {
            await CloseIfDue();
            return QuizOutcome.Fail<AnswerAck>(QuizErrors.TooLate, "The question has closed.");
        }

        var question = QuestionDefinitions[S.QuestionIndex];
        var judged = AnswerJudge.Judge(question, answer);
        if (judged.Error is not null)
        {
            return QuizOutcome.Fail<AnswerAck>(QuizErrors.InvalidAnswer, judged.Error);
        }

        var elapsed = receivedAt - S.OpenedAt!.Value;
        var score = Scoring.Score(question, judged, elapsed, player.Streak);
        player.Answers[S.QuestionIndex] = new RecordedAnswer
        {
            Choices = answer.Choices?.ToArray(),
            Text = answer.Text,
            ReceivedAt = receivedAt,
            ElapsedMs = (int)Math.Round(elapsed.TotalMilliseconds),
            Points = score.Points,
            Correct = judged.Correct,
            Credit = judged.Credit,
            StreakAfter = score.StreakAfter,
        };
        _answered++;
        MarkActivity();
        await CloseIfEveryoneAnswered();
        return QuizOutcome.Success(new AnswerAck(answer.QuestionIndex, receivedAt, Duplicate: false));
    }

    private async Task OpenQuestion(int index)
    {
        var question = QuestionDefinitions[index];
        var now = time.GetUtcNow();
        S.Phase = RoomPhase.Question;
        S.QuestionIndex = index;
        S.OpenedAt = now;
        S.Deadline = now + TimeSpan.FromSeconds(question.TimeLimitSeconds);
        _answered = 0;
        await Publish(seq => new QuestionStarted(RoomId, seq, PublicForm(index), now, S.Deadline.Value));

        // Written by the next periodic flush (StateFlushInterval), not now: the write copies every
        // player's state, and doing it while the question goes out to thousands of connections
        // delayed the broadcast (docs/benchmarks.md). A crash before that flush resumes the room
        // in the previous phase, from where the host opens the question again.
        _stateDirty = true;
        _lastFlush = now;
        ScheduleDeadline();
        LogQuestionOpened(logger, RoomId, index, S.Players.Count);
    }

    private async Task Advance()
    {
        _advanceTimer?.Dispose();
        _advanceTimer = null;
        if (S.QuestionIndex + 1 < QuestionDefinitions.Count)
        {
            await OpenQuestion(S.QuestionIndex + 1);
        }
        else
        {
            await EndGame();
        }
    }

    /// <summary>Closes the open question if its deadline has passed by the server's clock.</summary>
    private async Task CloseIfDue()
    {
        if (S.Phase == RoomPhase.Question && time.GetUtcNow() > S.Deadline)
        {
            await Close();
        }
    }

    private async Task CloseIfEveryoneAnswered()
    {
        if (S.Phase == RoomPhase.Question && _answered > 0 && _answered >= _seated)
        {
            await Close();
        }
    }

    private async Task Close()
    {
        _deadlineTimer?.Dispose();
        _deadlineTimer = null;
        var index = S.QuestionIndex;
        var question = QuestionDefinitions[index];
        foreach (var player in S.Players.Values)
        {
            if (player.Answers[index] is { } answer)
            {
                player.Score += answer.Points;
                player.Streak = answer.StreakAfter;
                if (answer.Correct)
                {
                    player.CorrectCount++;
                }

                if (answer.Points > 0)
                {
                    player.LastPointsAt = answer.ReceivedAt;
                }
            }
            else
            {
                player.Streak = Scoring.Missed(question, player.Streak).StreakAfter;
            }
        }

        S.Phase = RoomPhase.Results;
        var ranking = Rank();
        var ranks = ranking.ToDictionary(r => r.UserId, r => r.Rank);
        var results = S.Players.Select(p =>
        {
            var answer = p.Value.Answers[index];
            return new PlayerResult(p.Key, answer is not null, answer?.Correct ?? false, answer?.Points ?? 0, p.Value.Score, ranks[p.Key], p.Value.Streak);
        }).ToList();
        var (distribution, noAnswer) = Distribution(question, index);
        var isLast = index == QuestionDefinitions.Count - 1;
        await Publish(seq => new QuestionClosed(RoomId, seq, index, Reveal(question), distribution, noAnswer, ranking.Take(10).ToList(), results, isLast));
        await Persist();
        LogQuestionClosed(logger, RoomId, index, _answered, S.Players.Count);
        if (S.Settings.AutoAdvance)
        {
            _advanceTimer = this.RegisterGrainTimer(
                _ => S.Phase == RoomPhase.Results ? Advance() : Task.CompletedTask,
                new GrainTimerCreationOptions(TimeSpan.FromSeconds(S.Settings.AutoAdvanceSeconds), Timeout.InfiniteTimeSpan) { KeepAlive = true });
        }
    }

    private async Task EndGame()
    {
        _advanceTimer?.Dispose();
        _advanceTimer = null;
        S.Phase = RoomPhase.Ended;
        var ranking = Rank();
        await Publish(seq => new GameEnded(RoomId, seq, ranking.Take(3).ToList(), ranking));
        await Persist();
        await GrainFactory.GetGrain<IRoomPinGrain>(S.Pin).Release(RoomId);
        await PublishActivity();
        _activityTimer?.Dispose();
        _activityTimer = null;
        LogEnded(logger, RoomId, S.Players.Count);

        // Completions fan out once per player: off the critical path, after the podium is out.
        this.RegisterGrainTimer(
            PublishCompletions,
            new GrainTimerCreationOptions(TimeSpan.Zero, Timeout.InfiniteTimeSpan) { KeepAlive = true });
    }

    private void ScheduleDeadline()
    {
        _deadlineTimer?.Dispose();
        var due = S.Deadline!.Value - time.GetUtcNow();
        // Just after the deadline, then every 250 ms until closed: the timer may fire late, and
        // CloseIfDue decides by the clock, not by the fact that the timer fired.
        _deadlineTimer = this.RegisterGrainTimer(
            _ => CloseIfDue(),
            new GrainTimerCreationOptions(due < TimeSpan.Zero ? TimeSpan.Zero : due + TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(250))
            {
                KeepAlive = true,
            });
    }
}
