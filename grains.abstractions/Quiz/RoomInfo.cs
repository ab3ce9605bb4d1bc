namespace Referral.Grains.Abstractions.Quiz;

/// <summary>An opened room: its id and the PIN players type to join.</summary>
[GenerateSerializer, Immutable, Alias("Referral.Quiz.RoomInfo")]
public sealed record RoomInfo(
    [property: Id(0)] Guid RoomId,
    [property: Id(1)] string Pin,
    [property: Id(2)] Guid HostId,
    [property: Id(3)] string QuizTitle,
    [property: Id(4)] int QuestionCount);
