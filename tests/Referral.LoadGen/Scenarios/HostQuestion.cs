namespace Referral.LoadGen.Scenarios;

/// <summary>What the host bot saw of one question (UTC); the server's openedAt and deadline come from its questionStarted.</summary>
public sealed class HostQuestion
{
    public DateTime StartedSeenAt { get; set; }

    public DateTime OpenedAt { get; set; }

    public DateTime Deadline { get; set; }

    public DateTime ClosedSeenAt { get; set; }

    /// <summary>When the host sent CloseQuestion itself (no automatic close came), or default.</summary>
    public DateTime CloseSentAt { get; set; }
}
