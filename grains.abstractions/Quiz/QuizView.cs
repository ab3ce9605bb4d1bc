namespace Referral.Grains.Abstractions.Quiz;

/// <summary>A stored quiz with its owner and version (incremented by every update).</summary>
[GenerateSerializer, Immutable, Alias("Referral.Quiz.QuizView")]
public sealed record QuizView(
    [property: Id(0)] Guid Id,
    [property: Id(1)] Guid OwnerId,
    [property: Id(2)] QuizDefinition Definition,
    [property: Id(3)] int Version,
    [property: Id(4)] DateTimeOffset CreatedAt,
    [property: Id(5)] DateTimeOffset UpdatedAt);
