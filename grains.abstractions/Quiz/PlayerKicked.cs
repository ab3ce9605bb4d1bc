namespace Referral.Grains.Abstractions.Quiz;

/// <summary>The host removed a player; that player may not rejoin this room.</summary>
[GenerateSerializer, Immutable, Alias("Referral.Quiz.PlayerKicked")]
public sealed record PlayerKicked(
    Guid RoomId,
    long Sequence,
    [property: Id(0)] Guid UserId) : RoomEvent(RoomId, Sequence);
