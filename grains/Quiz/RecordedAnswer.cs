namespace Referral.Grains.Quiz;

/// <summary>
/// An accepted answer, judged and scored on receipt (the streak it extends is known then), and
/// added to the player's total when the question closes.
/// </summary>
[GenerateSerializer, Alias("Referral.Quiz.RecordedAnswer")]
public sealed class RecordedAnswer
{
    [Id(0)] public int[]? Choices { get; set; }

    [Id(1)] public string? Text { get; set; }

    [Id(2)] public DateTimeOffset ReceivedAt { get; set; }

    [Id(3)] public int ElapsedMs { get; set; }

    [Id(4)] public int Points { get; set; }

    [Id(5)] public bool Correct { get; set; }

    [Id(6)] public double Credit { get; set; }

    [Id(7)] public int StreakAfter { get; set; }
}
