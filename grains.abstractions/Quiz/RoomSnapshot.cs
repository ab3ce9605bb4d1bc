namespace Referral.Grains.Abstractions.Quiz;

/// <summary>
/// Everything a (re)connecting client needs to draw the room now. <paramref name="Sequence"/> is the
/// last event sequence it reflects: the client drops any event with a sequence at or below it.
/// <paramref name="Me"/> is the caller's own standing (null for the host).
/// </summary>
[GenerateSerializer, Immutable, Alias("Referral.Quiz.RoomSnapshot")]
public sealed record RoomSnapshot(
    [property: Id(0)] Guid RoomId,
    [property: Id(1)] string Pin,
    [property: Id(2)] long Sequence,
    [property: Id(3)] RoomPhase Phase,
    [property: Id(4)] bool Locked,
    [property: Id(5)] int PlayerCount,
    [property: Id(6)] PublicQuestion? Question,
    [property: Id(7)] DateTimeOffset? Deadline,
    [property: Id(8)] DateTimeOffset ServerTime,
    [property: Id(9)] PlayerStanding? Me,
    [property: Id(10)] bool IsHost,
    [property: Id(11)] string QuizTitle,
    [property: Id(12)] IReadOnlyList<RankEntry> Leaderboard);
