namespace Referral.Grains.Abstractions.Quiz;

/// <summary>
/// A player's answer: <paramref name="Choices"/> holds option ids (for ordering, every item's id
/// in the player's order); <paramref name="Text"/> holds a type-answer reply.
/// </summary>
[GenerateSerializer, Immutable, Alias("Referral.Quiz.AnswerSubmission")]
public sealed record AnswerSubmission(
    [property: Id(0)] int QuestionIndex,
    [property: Id(1)] IReadOnlyList<int>? Choices,
    [property: Id(2)] string? Text)
{
    /// <summary>
    /// When the front door received the answer (set by the server, never by the client), so that
    /// time an answer spends queued inside the server under load is not charged to the player.
    /// The room clamps it to [question opened, now]. Null: the room's own receive time.
    /// </summary>
    [Id(3)]
    public DateTimeOffset? ReceivedAt { get; init; }
}
