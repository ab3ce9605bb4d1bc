using Referral.Grains.Abstractions.Quiz;

namespace Referral.Api.Rooms;

/// <summary>The coalesced player count players see.</summary>
public sealed record PlayerCountMessage(Guid RoomId, long Sequence, int PlayerCount);

/// <summary>What a player receives when a question closes: the reveal plus only their own result.</summary>
public sealed record PlayerQuestionClosedMessage(
    Guid RoomId,
    long Sequence,
    int Index,
    RevealedAnswer Answer,
    IReadOnlyList<int> Distribution,
    int NoAnswer,
    IReadOnlyList<RankEntry> Leaderboard,
    bool IsLast,
    PlayerResult? Me);

/// <summary>What the host receives when a question closes: the reveal and the leaderboard, with answer counts.</summary>
public sealed record HostQuestionClosedMessage(
    Guid RoomId,
    long Sequence,
    int Index,
    RevealedAnswer Answer,
    IReadOnlyList<int> Distribution,
    int NoAnswer,
    IReadOnlyList<RankEntry> Leaderboard,
    bool IsLast,
    int Answered,
    int Players);

/// <summary>The end of a game for a player: the podium and their own line.</summary>
public sealed record PlayerGameEndedMessage(Guid RoomId, long Sequence, IReadOnlyList<RankEntry> Podium, RankEntry? Me);

/// <summary>The room's lock state changed.</summary>
public sealed record RoomLockedMessage(Guid RoomId, long Sequence, bool Locked);

/// <summary>A player was removed (sent to the host; the player gets <see cref="HubEvents.Kicked"/>).</summary>
public sealed record PlayerKickedMessage(Guid RoomId, long Sequence, Guid UserId);
