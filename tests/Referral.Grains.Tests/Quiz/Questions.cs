using Referral.Grains.Abstractions.Quiz;

namespace Referral.Grains.Tests.Quiz;

/// <summary>Question builders for the quiz rule tests.</summary>
internal static class Questions
{
    public static QuestionDefinition Single(int correct = 1, int seconds = 20, PointsMode points = PointsMode.Standard) =>
        new(QuestionType.SingleChoice, "Capital of France?", ["Lyon", "Paris", "Nice", "Lille"], [correct], [], seconds, points, null);

    public static QuestionDefinition Multi(params int[] correct) =>
        new(QuestionType.MultipleSelect, "Primes?", ["2", "3", "4", "5", "6"], correct, [], 20, PointsMode.Standard, null);

    public static QuestionDefinition TrueFalse(bool answer) =>
        new(QuestionType.TrueFalse, "The sky is blue.", ["true", "false"], [answer ? 0 : 1], [], 10, PointsMode.Standard, null);

    public static QuestionDefinition Typed(params string[] accepted) =>
        new(QuestionType.TypeAnswer, "Largest land animal?", [], [], accepted, 30, PointsMode.Standard, null);

    public static QuestionDefinition Poll() =>
        new(QuestionType.Poll, "Favourite colour?", ["red", "green", "blue"], [], [], 15, PointsMode.Standard, null);

    public static QuestionDefinition Ordering(int items = 4) =>
        new(QuestionType.Ordering, "Oldest first", Enumerable.Range(1, items).Select(i => $"item {i}").ToList(), [], [], 30, PointsMode.Standard, null);

    public static AnswerSubmission Choose(params int[] choices) => new(0, choices, null);

    public static AnswerSubmission Type(string text) => new(0, null, text);
}
