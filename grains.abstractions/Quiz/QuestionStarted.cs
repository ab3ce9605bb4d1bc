namespace Referral.Grains.Abstractions.Quiz;

/// <summary>A question opened: its public form and the server deadline for answers.</summary>
[GenerateSerializer, Immutable, Alias("Referral.Quiz.QuestionStarted")]
public sealed record QuestionStarted(
    Guid RoomId,
    long Sequence,
    [property: Id(0)] PublicQuestion Question,
    [property: Id(1)] DateTimeOffset OpenedAt,
    [property: Id(2)] DateTimeOffset Deadline) : RoomEvent(RoomId, Sequence);
