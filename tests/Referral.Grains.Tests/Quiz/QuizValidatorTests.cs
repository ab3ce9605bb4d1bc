using Referral.Grains.Abstractions.Quiz;
using Referral.Grains.Quiz;
using Xunit;
using static Referral.Grains.Tests.Quiz.Questions;

namespace Referral.Grains.Tests.Quiz;

public sealed class QuizValidatorTests
{
    [Fact]
    public void AQuizWithEveryQuestionTypeIsValid()
    {
        var quiz = new QuizDefinition("General knowledge", null,
            [Single(), Multi(0, 1, 3), TrueFalse(false), Typed("elephant"), Poll(), Ordering(5)]);
        Assert.Empty(QuizValidator.Validate(quiz));
    }

    [Theory]
    [InlineData(4)]
    [InlineData(241)]
    public void TimeLimitOutsideFiveTo240SecondsIsNamed(int seconds)
    {
        var errors = QuizValidator.Validate(new QuizDefinition("t", null, [Single(seconds: seconds)]));
        Assert.Contains("questions[0].timeLimitSeconds", errors.Keys);
    }

    [Fact]
    public void ErrorsNameTheFieldOfTheQuestionAtFault()
    {
        var tooMany = Single() with { Options = ["a", "b", "c", "d", "e", "f", "g"] };
        var noCorrect = Multi();
        var pollWithAnswer = Poll() with { CorrectOptions = [0] };
        var typedWithoutAnswers = Typed();
        var badImage = Single() with { ImageUrl = "javascript:alert(1)" };
        var errors = QuizValidator.Validate(new QuizDefinition("", null, [tooMany, noCorrect, pollWithAnswer, typedWithoutAnswers, badImage]));

        Assert.Contains("title", errors.Keys);
        Assert.Contains("questions[0].options", errors.Keys);
        Assert.Contains("questions[1].correctOptions", errors.Keys);
        Assert.Contains("questions[2].correctOptions", errors.Keys);
        Assert.Contains("questions[3].acceptedAnswers", errors.Keys);
        Assert.Contains("questions[4].imageUrl", errors.Keys);
    }

    [Fact]
    public void SingleChoiceNeedsExactlyOneCorrectOptionInRange()
    {
        Assert.Contains("questions[0].correctOptions", QuizValidator.Validate(new QuizDefinition("t", null, [Single(correct: 9)])).Keys);
        var two = Single() with { CorrectOptions = [0, 1] };
        Assert.Contains("questions[0].correctOptions", QuizValidator.Validate(new QuizDefinition("t", null, [two])).Keys);
    }

    [Fact]
    public void DuplicateOptionsAreRefusedIgnoringCaseAndAccents()
    {
        var dup = Single() with { Options = ["Été", "ete", "x"], CorrectOptions = [2] };
        Assert.Contains("questions[0].options", QuizValidator.Validate(new QuizDefinition("t", null, [dup])).Keys);
    }

    [Fact]
    public void AQuizNeedsQuestions()
    {
        Assert.Contains("questions", QuizValidator.Validate(new QuizDefinition("t", null, [])).Keys);
        Assert.Contains("quiz", QuizValidator.Validate(null).Keys);
    }
}
