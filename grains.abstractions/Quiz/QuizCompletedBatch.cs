namespace Referral.Grains.Abstractions.Quiz;

/// <summary>A batch of game completions for the analytics stream (appended to the event table in batches).</summary>
[GenerateSerializer, Immutable, Alias("Referral.Quiz.QuizCompletedBatch")]
public sealed record QuizCompletedBatch(
    [property: Id(0)] IReadOnlyList<QuizCompleted> Items);
