namespace Referral.Grains.Abstractions.Quiz;

/// <summary>
/// An event on a room's stream (namespace <c>room</c>, key = room id). Sequences increase by one
/// per event of a room; a client that sees a sequence at or below the last it applied drops it.
/// </summary>
[GenerateSerializer, Immutable, Alias("Referral.Quiz.RoomEvent")]
public abstract record RoomEvent(
    [property: Id(0)] Guid RoomId,
    [property: Id(1)] long Sequence);
