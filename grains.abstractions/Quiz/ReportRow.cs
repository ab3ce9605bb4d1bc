namespace Referral.Grains.Abstractions.Quiz;

/// <summary>
/// One player's answer to one question. <paramref name="Answer"/> is the chosen option texts
/// joined by " | " (in the player's order for ordering) or the typed text; empty when unanswered.
/// </summary>
[GenerateSerializer, Immutable, Alias("Referral.Quiz.ReportRow")]
public sealed record ReportRow(
    [property: Id(0)] Guid UserId,
    [property: Id(1)] string Nickname,
    [property: Id(2)] int QuestionIndex,
    [property: Id(3)] string Answer,
    [property: Id(4)] bool Answered,
    [property: Id(5)] bool Correct,
    [property: Id(6)] int TimeMs,
    [property: Id(7)] int Points);
