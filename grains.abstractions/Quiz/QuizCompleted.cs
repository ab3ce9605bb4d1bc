namespace Referral.Grains.Abstractions.Quiz;

/// <summary>
/// One player finished a game (on the player's <c>user</c> stream and, batched, on the
/// <c>analytics</c> stream): what referral qualification and rewards consume.
/// </summary>
[GenerateSerializer, Immutable, Alias("Referral.Quiz.QuizCompleted")]
public sealed record QuizCompleted(
    [property: Id(0)] Guid UserId,
    [property: Id(1)] Guid RoomId,
    [property: Id(2)] Guid QuizId,
    [property: Id(3)] int Score,
    [property: Id(4)] int Rank,
    [property: Id(5)] int PlayerCount,
    [property: Id(6)] int CorrectAnswers,
    [property: Id(7)] int QuestionCount,
    [property: Id(8)] DateTimeOffset CompletedAt);
