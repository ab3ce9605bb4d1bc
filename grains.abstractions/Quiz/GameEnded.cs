namespace Referral.Grains.Abstractions.Quiz;

/// <summary>The game is over: the top three for everyone, the full ranking for the host (players get their own line).</summary>
[GenerateSerializer, Immutable, Alias("Referral.Quiz.GameEnded")]
public sealed record GameEnded(
    Guid RoomId,
    long Sequence,
    [property: Id(0)] IReadOnlyList<RankEntry> Podium,
    [property: Id(1)] IReadOnlyList<RankEntry> Ranking) : RoomEvent(RoomId, Sequence);
