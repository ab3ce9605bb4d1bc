namespace Referral.Grains.Quiz;

/// <summary>The bounds every quiz must respect; the api documents them and the validator enforces them.</summary>
public static class QuizLimits
{
    public const int TitleMax = 120;
    public const int DescriptionMax = 500;
    public const int QuestionsMin = 1;
    public const int QuestionsMax = 100;
    public const int QuestionTextMax = 300;
    public const int OptionsMin = 2;
    public const int OptionsMax = 6;
    public const int OptionTextMax = 120;
    public const int AcceptedAnswersMax = 10;
    public const int AcceptedAnswerMax = 80;
    public const int TimeLimitMinSeconds = 5;
    public const int TimeLimitMaxSeconds = 240;
    public const int ImageUrlMax = 2048;
}
