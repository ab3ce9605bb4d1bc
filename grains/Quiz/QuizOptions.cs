namespace Referral.Grains.Quiz;

/// <summary>Server-wide limits and pacing of live rooms. Bound from the <c>Quiz</c> section.</summary>
public sealed class QuizOptions
{
    public const string Section = "Quiz";

    /// <summary>The most players any room may seat. Default: 10000.</summary>
    public int MaxPlayersPerRoom { get; set; } = 10_000;

    /// <summary>How often the host's counts (joins, answers) and the players' count are pushed at most. Default: 250 ms.</summary>
    public TimeSpan ActivityInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>How often joins and answers are written to storage at most between phase changes. Default: 1 s.</summary>
    public TimeSpan StateFlushInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>QuizCompleted events per batch at the end of a game. Default: 500.</summary>
    public int CompletionBatchSize { get; set; } = 500;
}
