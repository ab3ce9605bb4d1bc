using Referral.Grains.Abstractions.Quiz;
using Referral.Grains.Quiz;
using Xunit;
using static Referral.Grains.Tests.Quiz.Questions;

namespace Referral.Grains.Tests.Quiz;

public sealed class ScoringTests
{
    private static readonly Judgement Right = new(1, true, null);
    private static readonly Judgement Wrong = new(0, false, null);

    [Theory]
    [InlineData(0, 1000)]
    [InlineData(499, 1000)]
    [InlineData(500, 988)]      // round(1000 × (1 − 0.5/20/2)) = round(987.5) = 988
    [InlineData(10_000, 750)]   // half the time: 1000 × (1 − 0.25)
    [InlineData(20_000, 500)]   // at the deadline: half the points
    [InlineData(30_000, 500)]   // clamped: never below half for a correct answer
    public void CorrectAnswerDecaysLinearlyToHalfAtTheDeadline(int elapsedMs, int expected)
    {
        var result = Scoring.Score(Single(seconds: 20), Right, TimeSpan.FromMilliseconds(elapsedMs), streakBefore: 0);
        Assert.Equal(expected, result.Points);
        Assert.Equal(0, result.StreakBonus);
        Assert.Equal(1, result.StreakAfter);
    }

    [Fact]
    public void DoublePointsDoubleAndNoneScoresNothing()
    {
        Assert.Equal(1500, Scoring.Score(Single(seconds: 20, points: PointsMode.Double), Right, TimeSpan.FromSeconds(10), 0).Points);
        var none = Scoring.Score(Single(points: PointsMode.None), Right, TimeSpan.FromSeconds(1), 3);
        Assert.Equal(0, none.Points);
        Assert.Equal(4, none.StreakAfter);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 100)]
    [InlineData(2, 200)]
    [InlineData(4, 400)]
    [InlineData(5, 500)]
    [InlineData(9, 500)]
    public void StreakBonusGrowsByAHundredPerConsecutiveCorrectAnswerUpToFiveHundred(int streakBefore, int bonus)
    {
        var result = Scoring.Score(Single(), Right, TimeSpan.Zero, streakBefore);
        Assert.Equal(bonus, result.StreakBonus);
        Assert.Equal(1000 + bonus, result.Points);
        Assert.Equal(streakBefore + 1, result.StreakAfter);
    }

    [Fact]
    public void WrongOrMissedAnswerEndsTheStreakAndScoresNothing()
    {
        Assert.Equal(new ScoreResult(0, 0, 0), Scoring.Score(Single(), Wrong, TimeSpan.FromSeconds(1), 4));
        Assert.Equal(new ScoreResult(0, 0, 0), Scoring.Missed(Single(), 4));
    }

    [Fact]
    public void PollsScoreNothingAndLeaveTheStreakAlone()
    {
        var poll = Poll();
        var judged = AnswerJudge.Judge(poll, Choose(2));
        Assert.Null(judged.Error);
        Assert.Equal(new ScoreResult(0, 0, 3), Scoring.Score(poll, judged, TimeSpan.Zero, 3));
        Assert.Equal(new ScoreResult(0, 0, 3), Scoring.Missed(poll, 3));
    }

    [Fact]
    public void PartialCreditScalesPointsButBreaksTheStreak()
    {
        var question = Multi(0, 1, 3);                     // 2, 3, 5 are prime
        var judged = AnswerJudge.Judge(question, Choose(0, 1));
        var result = Scoring.Score(question, judged, TimeSpan.Zero, 2);
        Assert.Equal(667, result.Points);                  // round(1000 × 2/3)
        Assert.Equal(0, result.StreakAfter);
    }
}
