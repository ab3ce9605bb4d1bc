namespace Referral.Grains.Abstractions.Quiz;

/// <summary>Open a room for <paramref name="Quiz"/> (a snapshot: later edits do not change a live game).</summary>
[GenerateSerializer, Immutable, Alias("Referral.Quiz.OpenRoom")]
public sealed record OpenRoom(
    [property: Id(0)] Guid HostId,
    [property: Id(1)] QuizView Quiz,
    [property: Id(2)] RoomSettings Settings);
