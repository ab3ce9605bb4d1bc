using Referral.Grains.Abstractions.Quiz;
using Referral.Grains.Quiz;
using Referral.LoadGen.Hosting;
using Referral.LoadGen.Scenarios;

namespace Referral.LoadGen.Reporting;

/// <summary>Turns the bots' timestamps into <see cref="RunMetrics"/>, and recomputes every score with the product's rules.</summary>
public static class MetricsBuilder
{
    public static RunMetrics Build(
        string target,
        IReadOnlyList<RoomRun> rooms,
        IReadOnlyList<QuestionDefinition> quiz,
        SeatMetrics seating,
        ErrorCounts errors,
        ResourceMetrics? server,
        ResourceMetrics generator,
        bool checkScores)
    {
        ArgumentNullException.ThrowIfNull(rooms);
        ArgumentNullException.ThrowIfNull(quiz);
        ArgumentNullException.ThrowIfNull(errors);
        var seated = rooms.SelectMany(r => r.Players.Where(p => p.Seated).Select(p => (Room: r, Player: p))).ToList();
        var perQuestion = Enumerable.Range(0, quiz.Count).Select(q => Question(q, rooms, seated)).ToList();

        var started = seated.SelectMany(s => s.Player.Questions.Where(q => q.HasStarted)).ToList();
        var results = seated.SelectMany(s => s.Player.Questions.Where(q => q.HasResult)).ToList();
        var accepted = seated.SelectMany(s => s.Player.Questions.Where(q => q.Accepted)).ToList();
        var questionsExpected = seated.Count * quiz.Count;
        var ends = seated.Count(s => s.Player.EndedAt != default);
        var lost = (questionsExpected - started.Count) + (questionsExpected - results.Count) + (seated.Count - ends);
        var expectedTotal = (2 * questionsExpected) + seated.Count;
        var delivery = new DeliveryMetrics(
            questionsExpected, started.Count, questionsExpected, results.Count, seated.Count, ends, lost,
            expectedTotal == 0 ? 0 : Math.Round((double)(expectedTotal - lost) / expectedTotal, 6),
            seated.Sum(s => s.Player.DuplicateEvents));

        var counts = errors.Counts;
        var unexpected = seated.Sum(s => s.Player.Questions.Count(q => q.AckError is not null && !(q.Late && q.AckError == "too_late")));
        return new RunMetrics(
            target,
            rooms.Count,
            rooms.Count == 0 ? 0 : rooms[0].Players.Count,
            quiz.Count,
            seating,
            perQuestion,
            Latency.Of(started.Select(q => (q.StartedAt - q.OpenedAt).TotalMilliseconds)).P50,
            Median(perQuestion.Select(q => q.TimeToLastMs)),
            Latency.Of(accepted.Select(q => (q.AckAt - q.SentAt).TotalMilliseconds)),
            Latency.Of(perQuestion.SelectMany((_, q) => ResultFromClose(q, rooms))),
            Latency.Of(perQuestion.SelectMany((_, q) => ResultAfterHost(q, rooms))),
            perQuestion.Count == 0 ? 0 : perQuestion.Max(q => q.AnswersPerSecond),
            delivery,
            checkScores ? Scores(seated.Select(s => s.Player).ToList(), quiz) : null,
            unexpected,
            counts,
            errors.Examples,
            server,
            generator,
            started.Count == 0 ? 0 : Math.Round(started.Average(q => q.StartedBytes), 1),
            results.Count == 0 ? 0 : Math.Round(results.Average(q => q.ResultBytes), 1),
            rooms.Count == 0 ? [] : rooms[0].Events.Snapshot());
    }

    public static ResourceMetrics Resources(int pid, ProcessSample idle, ProcessSample seated, ProcessSample end, long peakRssKb, int connections) => new(
        pid,
        idle,
        seated,
        end,
        Math.Max(peakRssKb, Math.Max(seated.RssKb, end.RssKb)),
        connections == 0 ? 0 : Math.Round((double)(seated.RssKb - idle.RssKb) / connections, 1),
        Math.Round(seated.CpuSeconds - idle.CpuSeconds, 2),
        Math.Round(end.CpuSeconds - seated.CpuSeconds, 2),
        Math.Round(end.CpuSeconds - idle.CpuSeconds, 2));

    private static QuestionMetrics Question(int q, IReadOnlyList<RoomRun> rooms, List<(RoomRun Room, PlayerBot Player)> seated)
    {
        var mine = seated.Select(s => (s.Room, Q: s.Player.Questions[q])).ToList();
        var started = mine.Where(m => m.Q.HasStarted).ToList();
        var perRoomLast = started.GroupBy(m => m.Room).Select(g => g.Max(m => (m.Q.StartedAt - m.Q.OpenedAt).TotalMilliseconds)).ToList();
        var sent = mine.Where(m => m.Q.SentAt != default).ToList();
        var accepted = sent.Where(m => m.Q.Accepted).ToList();
        var rate = accepted.GroupBy(m => m.Room).Select(g =>
        {
            var window = (g.Max(m => m.Q.AckAt) - g.Min(m => m.Q.SentAt)).TotalSeconds;
            return window <= 0 ? 0 : g.Count() / window;
        }).DefaultIfEmpty(0).Max();

        return new QuestionMetrics(
            q,
            mine.Count,
            started.Count,
            Latency.Of(started.Select(m => (m.Q.StartedAt - m.Q.OpenedAt).TotalMilliseconds)),
            perRoomLast.Count == 0 ? 0 : Math.Round(perRoomLast.Max(), 1),
            Median(perRoomLast),
            mine.Count,
            mine.Count(m => m.Q.HasResult),
            Latency.Of(ResultFromClose(q, rooms)),
            Latency.Of(ResultAfterHost(q, rooms)),
            sent.Count,
            accepted.Count,
            sent.Count(m => m.Q.Late && m.Q.AckError == "too_late"),
            Latency.Of(accepted.Select(m => (m.Q.AckAt - m.Q.SentAt).TotalMilliseconds)),
            Math.Round(rate, 1));
    }

    /// <summary>
    /// When the close was triggered, as the generator saw it: the room closes itself when the last
    /// seated player answers (that answer's send time), otherwise at the deadline.
    /// </summary>
    private static IEnumerable<double> ResultFromClose(int q, IReadOnlyList<RoomRun> rooms)
    {
        foreach (var room in rooms)
        {
            var players = room.Players.Where(p => p.Seated).ToList();
            if (players.Count == 0 || room.HostView[q].Deadline == default)
            {
                continue;
            }

            var everyone = players.All(p => p.Questions[q].Accepted);
            var trigger = everyone ? players.Max(p => p.Questions[q].SentAt) : room.HostView[q].Deadline;
            foreach (var p in players.Where(p => p.Questions[q].HasResult))
            {
                yield return (p.Questions[q].ResultAt - trigger).TotalMilliseconds;
            }
        }
    }

    private static IEnumerable<double> ResultAfterHost(int q, IReadOnlyList<RoomRun> rooms)
    {
        foreach (var room in rooms.Where(r => r.HostView[q].ClosedSeenAt != default))
        {
            foreach (var p in room.Players.Where(p => p.Seated && p.Questions[q].HasResult))
            {
                yield return (p.Questions[q].ResultAt - room.HostView[q].ClosedSeenAt).TotalMilliseconds;
            }
        }
    }

    private static ScoreMetrics Scores(List<PlayerBot> players, IReadOnlyList<QuestionDefinition> quiz)
    {
        var examples = new List<string>();
        var (values, mismatches) = (0, 0);
        void Check(PlayerBot p, string what, int expected, int actual)
        {
            values++;
            if (expected != actual)
            {
                mismatches++;
                if (examples.Count < 10)
                {
                    examples.Add($"player {p.Index} {what}: expected {expected}, received {actual}");
                }
            }
        }

        foreach (var p in players)
        {
            var (total, streak) = (0, 0);
            for (var q = 0; q < quiz.Count; q++)
            {
                var mine = p.Questions[q];
                if (mine.Accepted)
                {
                    var judged = AnswerJudge.Judge(quiz[q], new AnswerSubmission(q, [mine.Choice], null));
                    var score = Scoring.Score(quiz[q], judged, mine.ServerReceivedAt - mine.OpenedAt, streak);
                    total += score.Points;
                    streak = score.StreakAfter;
                    if (mine.HasResult)
                    {
                        Check(p, $"q{q} points", score.Points, mine.ResultPoints);
                    }
                }
                else
                {
                    streak = Scoring.Missed(quiz[q], streak).StreakAfter;
                }

                if (mine.HasResult)
                {
                    Check(p, $"q{q} answered", mine.Accepted ? 1 : 0, mine.ResultAnswered ? 1 : 0);
                    Check(p, $"q{q} total", total, mine.ResultTotal);
                }
            }

            if (p.EndedAt != default)
            {
                Check(p, "final score", total, p.EndedScore);
            }
        }

        return new ScoreMetrics(players.Count, values, mismatches, examples);
    }

    private static double Median(IEnumerable<double> values) => Latency.Of(values).P50;
}
