namespace Referral.Grains.Abstractions.Quiz;

/// <summary>
/// The right answer, published only once the question closed: option ids for choice questions,
/// the correct order of ids for ordering, accepted texts for type-answer; empty for polls.
/// </summary>
[GenerateSerializer, Immutable, Alias("Referral.Quiz.RevealedAnswer")]
public sealed record RevealedAnswer(
    [property: Id(0)] IReadOnlyList<int> CorrectOptionIds,
    [property: Id(1)] IReadOnlyList<string> AcceptedAnswers);
