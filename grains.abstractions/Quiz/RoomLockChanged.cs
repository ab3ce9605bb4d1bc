namespace Referral.Grains.Abstractions.Quiz;

/// <summary>The host locked (no new players) or unlocked the room.</summary>
[GenerateSerializer, Immutable, Alias("Referral.Quiz.RoomLockChanged")]
public sealed record RoomLockChanged(
    Guid RoomId,
    long Sequence,
    [property: Id(0)] bool Locked) : RoomEvent(RoomId, Sequence);
