namespace Referral.LoadGen.Scenarios;

/// <summary>One player's view of one question: the plan, what was sent, what came back, and when (UTC).</summary>
public sealed class PlayerQuestion
{
    // Plan
    public int Choice { get; init; }

    public bool Correct { get; init; }

    public bool Late { get; init; }

    public int ThinkMs { get; init; }

    // questionStarted
    public DateTime StartedAt { get; set; }

    public DateTime OpenedAt { get; set; }

    public DateTime Deadline { get; set; }

    public int StartedBytes { get; set; }

    // Answer and its acknowledgement
    public Task Answering { get; set; } = Task.CompletedTask;

    public DateTime SentAt { get; set; }

    public DateTime AckAt { get; set; }

    public DateTime ServerReceivedAt { get; set; }

    public bool Accepted { get; set; }

    public string? AckError { get; set; }

    // questionClosed (own result)
    public DateTime ResultAt { get; set; }

    public int ResultBytes { get; set; }

    public bool ResultAnswered { get; set; }

    public int ResultPoints { get; set; }

    public int ResultTotal { get; set; }

    public bool HasStarted => StartedAt != default;

    public bool HasResult => ResultAt != default;
}
