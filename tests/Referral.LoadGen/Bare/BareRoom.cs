namespace Referral.LoadGen.Bare;

/// <summary>State of one baseline room; guarded by its own lock (the hub is the only writer).</summary>
public sealed class BareRoom(Guid id, int questions)
{
    public Guid Id { get; } = id;

    public int Questions { get; } = questions;

    public Lock Gate { get; } = new();

    public string? HostConnection { get; set; }

    /// <summary>Player connection id → user id.</summary>
    public Dictionary<string, Guid> Players { get; } = new(StringComparer.Ordinal);

    public HashSet<string> Answered { get; } = new(StringComparer.Ordinal);

    public long Sequence { get; set; }

    public int Index { get; set; } = -1;

    public bool Open { get; set; }

    public DateTimeOffset Deadline { get; set; }

    public ITimer? DeadlineTimer { get; set; }
}
