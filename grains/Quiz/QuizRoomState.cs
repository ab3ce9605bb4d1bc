using Referral.Grains.Abstractions.Quiz;

namespace Referral.Grains.Quiz;

[GenerateSerializer, Alias("Referral.Quiz.QuizRoomState")]
public sealed class QuizRoomState
{
    [Id(0)] public Guid HostId { get; set; }

    [Id(1)] public QuizView? Quiz { get; set; }

    [Id(2)] public string Pin { get; set; } = "";

    [Id(3)] public RoomSettings Settings { get; set; } = new(10_000, false, 0);

    [Id(4)] public RoomPhase Phase { get; set; }

    [Id(5)] public bool Locked { get; set; }

    [Id(6)] public int QuestionIndex { get; set; } = -1;

    [Id(7)] public DateTimeOffset? OpenedAt { get; set; }

    [Id(8)] public DateTimeOffset? Deadline { get; set; }

    [Id(9)] public long Sequence { get; set; }

    [Id(10)] public Dictionary<Guid, RoomPlayer> Players { get; set; } = new();

    [Id(11)] public HashSet<Guid> Kicked { get; set; } = new();

    /// <summary>Per question, the order ordering items are shown in (a shuffle fixed at open).</summary>
    [Id(12)] public List<int[]> DisplayOrders { get; set; } = new();

    [Id(13)] public int NextJoinOrder { get; set; }

    [Id(14)] public bool CompletionsPublished { get; set; }

    [Id(15)] public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The room's rank rewards have all been granted (wallet keys make a repeat harmless).</summary>
    [Id(16)] public bool RewardsPaid { get; set; }

    public bool IsOpen => Quiz is not null;
}
