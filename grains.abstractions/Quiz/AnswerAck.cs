namespace Referral.Grains.Abstractions.Quiz;

/// <summary>An accepted answer, stamped with the server's receive time. Points come with the results.</summary>
[GenerateSerializer, Immutable, Alias("Referral.Quiz.AnswerAck")]
public sealed record AnswerAck(
    [property: Id(0)] int QuestionIndex,
    [property: Id(1)] DateTimeOffset ReceivedAt,
    [property: Id(2)] bool Duplicate);
