namespace Referral.Grains.Abstractions.Quiz;

/// <summary>
/// One question as its author wrote it. <paramref name="Options"/> are the choices (or, for
/// ordering, the items in their correct order); <paramref name="CorrectOptions"/> are indexes into
/// Options; <paramref name="AcceptedAnswers"/> serve type-answer questions only.
/// </summary>
[GenerateSerializer, Immutable, Alias("Referral.Quiz.QuestionDefinition")]
public sealed record QuestionDefinition(
    [property: Id(0)] QuestionType Type,
    [property: Id(1)] string Text,
    [property: Id(2)] IReadOnlyList<string> Options,
    [property: Id(3)] IReadOnlyList<int> CorrectOptions,
    [property: Id(4)] IReadOnlyList<string> AcceptedAnswers,
    [property: Id(5)] int TimeLimitSeconds,
    [property: Id(6)] PointsMode Points,
    [property: Id(7)] string? ImageUrl);
