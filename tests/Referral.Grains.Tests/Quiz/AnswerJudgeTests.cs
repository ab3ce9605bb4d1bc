using Referral.Grains.Quiz;
using Xunit;
using static Referral.Grains.Tests.Quiz.Questions;

namespace Referral.Grains.Tests.Quiz;

public sealed class AnswerJudgeTests
{
    [Fact]
    public void SingleChoiceIsAllOrNothing()
    {
        Assert.Equal(new Judgement(1, true, null), AnswerJudge.Judge(Single(correct: 1), Choose(1)));
        Assert.Equal(new Judgement(0, false, null), AnswerJudge.Judge(Single(correct: 1), Choose(2)));
    }

    [Theory]
    [InlineData(new int[0])]
    [InlineData(new[] { 0, 1 })]
    [InlineData(new[] { 4 })]
    [InlineData(new[] { -1 })]
    public void MalformedSingleChoiceIsRefusedNotScored(int[] choices)
    {
        Assert.NotNull(AnswerJudge.Judge(Single(), Choose(choices)).Error);
    }

    [Theory]
    [InlineData(new[] { 0, 1, 3 }, 1.0, true)]
    [InlineData(new[] { 3, 1, 0 }, 1.0, true)]
    [InlineData(new[] { 0, 1 }, 2.0 / 3, false)]
    [InlineData(new[] { 0, 1, 3, 2 }, 2.0 / 3, false)]   // one wrong pick cancels one right pick
    [InlineData(new[] { 0, 2 }, 0.0, false)]
    [InlineData(new[] { 2, 4 }, 0.0, false)]             // never below zero
    [InlineData(new[] { 0, 1, 2, 3, 4 }, 1.0 / 3, false)] // ticking everything does not pay
    public void MultipleSelectEarnsRightPicksMinusWrongPicks(int[] choices, double credit, bool correct)
    {
        var judged = AnswerJudge.Judge(Multi(0, 1, 3), Choose(choices));
        Assert.Null(judged.Error);
        Assert.Equal(credit, judged.Credit, 9);
        Assert.Equal(correct, judged.Correct);
    }

    [Fact]
    public void MultipleSelectRefusesRepeatedPicks()
    {
        Assert.NotNull(AnswerJudge.Judge(Multi(0, 1), Choose(0, 0)).Error);
    }

    [Theory]
    [InlineData(new[] { 0, 1, 2, 3 }, 1.0, true)]
    [InlineData(new[] { 1, 0, 2, 3 }, 0.5, false)]
    [InlineData(new[] { 3, 2, 1, 0 }, 0.0, false)]
    [InlineData(new[] { 0, 2, 3, 1 }, 0.25, false)]
    public void OrderingEarnsTheShareOfItemsInTheirPlace(int[] order, double credit, bool correct)
    {
        var judged = AnswerJudge.Judge(Ordering(4), Choose(order));
        Assert.Null(judged.Error);
        Assert.Equal(credit, judged.Credit, 9);
        Assert.Equal(correct, judged.Correct);
    }

    [Theory]
    [InlineData(new[] { 0, 1, 2 })]
    [InlineData(new[] { 0, 1, 2, 2 })]
    [InlineData(new[] { 0, 1, 2, 7 })]
    public void OrderingMustPlaceEveryItemOnce(int[] order)
    {
        Assert.NotNull(AnswerJudge.Judge(Ordering(4), Choose(order)).Error);
    }

    [Theory]
    [InlineData("elephant", true)]
    [InlineData("  Éléphant ", true)]
    [InlineData("ELEPHANT", true)]
    [InlineData("African   elephant", true)]
    [InlineData("elephants", false)]
    [InlineData("giraffe", false)]
    public void TypeAnswerIgnoresCaseAccentsAndSpacing(string reply, bool correct)
    {
        Assert.Equal(correct, AnswerJudge.Judge(Typed("Elephant", "african elephant"), Type(reply)).Correct);
    }

    [Fact]
    public void TypeAnswerFoldsLigaturesAndRefusesBlankReplies()
    {
        Assert.True(AnswerJudge.Judge(Typed("oeuvre"), Type("Œuvre")).Correct);
        Assert.NotNull(AnswerJudge.Judge(Typed("x"), Type("   ")).Error);
    }

    [Fact]
    public void TrueFalseTakesOneOfTwo()
    {
        Assert.True(AnswerJudge.Judge(TrueFalse(true), Choose(0)).Correct);
        Assert.False(AnswerJudge.Judge(TrueFalse(true), Choose(1)).Correct);
        Assert.NotNull(AnswerJudge.Judge(TrueFalse(true), Choose(2)).Error);
    }
}
