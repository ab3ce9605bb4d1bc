namespace Referral.Grains.Abstractions.Quiz;

/// <summary>One line of a host's quiz list.</summary>
[GenerateSerializer, Immutable, Alias("Referral.Quiz.QuizSummary")]
public sealed record QuizSummary(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string Title,
    [property: Id(2)] int QuestionCount,
    [property: Id(3)] DateTimeOffset UpdatedAt);
