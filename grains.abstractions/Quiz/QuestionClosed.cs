namespace Referral.Grains.Abstractions.Quiz;

/// <summary>
/// A question closed. <paramref name="Distribution"/> counts answers per option id for choice
/// questions and polls, and [fully correct, partly correct, wrong] for ordering and type-answer.
/// <paramref name="Results"/> holds every player's own result: each api node hands each of its
/// connections only its own entry, so one event replaces a message per player.
/// </summary>
[GenerateSerializer, Immutable, Alias("Referral.Quiz.QuestionClosed")]
public sealed record QuestionClosed(
    Guid RoomId,
    long Sequence,
    [property: Id(0)] int Index,
    [property: Id(1)] RevealedAnswer Answer,
    [property: Id(2)] IReadOnlyList<int> Distribution,
    [property: Id(3)] int NoAnswer,
    [property: Id(4)] IReadOnlyList<RankEntry> Leaderboard,
    [property: Id(5)] IReadOnlyList<PlayerResult> Results,
    [property: Id(6)] bool IsLast) : RoomEvent(RoomId, Sequence);
