using Referral.Grains.Abstractions.Quiz;

namespace Referral.Grains.Quiz;

/// <summary>
/// The scoring rules (docs/scoring.md). A question is worth P = 1000 (standard), 2000 (double) or
/// 0 (none). An answer earns round(P × credit × (1 − (t / T) / 2)), where t is the server-measured
/// time since the question opened and T the time limit; answers under 0.5 s earn the full
/// P × credit. A correct answer extends the streak; from the second consecutive correct answer
/// on it adds 100 per answer in the streak beyond the first, at most 500. Polls score nothing and
/// leave the streak as it is; a wrong, partial or missing answer resets it.
/// </summary>
public static class Scoring
{
    public const int StandardPoints = 1000;
    public const int StreakStep = 100;
    public const int StreakCap = 500;
    public static readonly TimeSpan FullPointsWindow = TimeSpan.FromMilliseconds(500);

    public static int MaxPoints(PointsMode mode) => mode switch
    {
        PointsMode.Standard => StandardPoints,
        PointsMode.Double => 2 * StandardPoints,
        _ => 0,
    };

    /// <summary>Scores a judged answer given <paramref name="elapsed"/> since the question opened.</summary>
    public static ScoreResult Score(QuestionDefinition question, Judgement judgement, TimeSpan elapsed, int streakBefore)
    {
        if (question.Type == QuestionType.Poll)
        {
            return new ScoreResult(0, 0, streakBefore);
        }

        var limit = TimeSpan.FromSeconds(question.TimeLimitSeconds);
        if (!judgement.Correct)
        {
            return new ScoreResult(Base(question.Points, judgement.Credit, elapsed, limit), 0, 0);
        }

        var streak = streakBefore + 1;
        var bonus = question.Points == PointsMode.None ? 0 : Math.Min(StreakStep * (streak - 1), StreakCap);
        return new ScoreResult(Base(question.Points, judgement.Credit, elapsed, limit) + bonus, bonus, streak);
    }

    /// <summary>A player who did not answer: no points, and the streak ends (polls excepted).</summary>
    public static ScoreResult Missed(QuestionDefinition question, int streakBefore) =>
        new(0, 0, question.Type == QuestionType.Poll ? streakBefore : 0);

    private static int Base(PointsMode mode, double credit, TimeSpan elapsed, TimeSpan limit)
    {
        var max = MaxPoints(mode);
        if (max == 0 || credit <= 0)
        {
            return 0;
        }

        var t = Math.Clamp(elapsed.TotalSeconds, 0, limit.TotalSeconds);
        var factor = elapsed < FullPointsWindow ? 1.0 : 1.0 - (t / limit.TotalSeconds / 2.0);
        return (int)Math.Round(max * credit * factor, MidpointRounding.AwayFromZero);
    }
}
