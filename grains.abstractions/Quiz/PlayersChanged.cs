namespace Referral.Grains.Abstractions.Quiz;

/// <summary>
/// Coalesced lobby and answer activity, published at most a few times a second and only when
/// something changed: the host sees counts and the newest nicknames; players only the count.
/// </summary>
[GenerateSerializer, Immutable, Alias("Referral.Quiz.PlayersChanged")]
public sealed record PlayersChanged(
    Guid RoomId,
    long Sequence,
    [property: Id(0)] int PlayerCount,
    [property: Id(1)] int AnsweredCount,
    [property: Id(2)] IReadOnlyList<string> RecentJoins) : RoomEvent(RoomId, Sequence);
