namespace Referral.Grains.Abstractions.Quiz;

/// <summary>A quiz as its host authors, imports and exports it.</summary>
[GenerateSerializer, Immutable, Alias("Referral.Quiz.QuizDefinition")]
public sealed record QuizDefinition(
    [property: Id(0)] string Title,
    [property: Id(1)] string? Description,
    [property: Id(2)] IReadOnlyList<QuestionDefinition> Questions);
