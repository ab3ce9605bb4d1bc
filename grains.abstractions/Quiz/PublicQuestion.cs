namespace Referral.Grains.Abstractions.Quiz;

/// <summary>
/// A question as it is broadcast while open: no correct option, no accepted answer, and ordering
/// items shuffled, so nothing in it gives the answer away.
/// </summary>
[GenerateSerializer, Immutable, Alias("Referral.Quiz.PublicQuestion")]
public sealed record PublicQuestion(
    [property: Id(0)] int Index,
    [property: Id(1)] int Count,
    [property: Id(2)] QuestionType Type,
    [property: Id(3)] string Text,
    [property: Id(4)] IReadOnlyList<PublicOption> Options,
    [property: Id(5)] int TimeLimitSeconds,
    [property: Id(6)] PointsMode Points,
    [property: Id(7)] string? ImageUrl);
