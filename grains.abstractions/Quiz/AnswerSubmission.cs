namespace Referral.Grains.Abstractions.Quiz;

/// <summary>
/// A player's answer: <paramref name="Choices"/> holds option ids (for ordering, every item's id
/// in the player's order); <paramref name="Text"/> holds a type-answer reply.
/// </summary>
[GenerateSerializer, Immutable, Alias("Referral.Quiz.AnswerSubmission")]
public sealed record AnswerSubmission(
    [property: Id(0)] int QuestionIndex,
    [property: Id(1)] IReadOnlyList<int>? Choices,
    [property: Id(2)] string? Text);
