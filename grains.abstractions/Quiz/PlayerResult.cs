namespace Referral.Grains.Abstractions.Quiz;

/// <summary>One player's outcome of one question, delivered only to that player.</summary>
[GenerateSerializer, Immutable, Alias("Referral.Quiz.PlayerResult")]
public sealed record PlayerResult(
    [property: Id(0)] Guid UserId,
    [property: Id(1)] bool Answered,
    [property: Id(2)] bool Correct,
    [property: Id(3)] int Points,
    [property: Id(4)] int Total,
    [property: Id(5)] int Rank,
    [property: Id(6)] int Streak);
