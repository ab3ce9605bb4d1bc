namespace Referral.Grains.Quiz;

/// <summary>A seated player: standing plus one answer slot per question.</summary>
[GenerateSerializer, Alias("Referral.Quiz.RoomPlayer")]
public sealed class RoomPlayer
{
    [Id(0)] public string Nickname { get; set; } = "";

    [Id(1)] public int JoinOrder { get; set; }

    [Id(2)] public int Score { get; set; }

    [Id(3)] public int Streak { get; set; }

    [Id(4)] public int CorrectCount { get; set; }

    [Id(5)] public DateTimeOffset? LastPointsAt { get; set; }

    [Id(6)] public bool Left { get; set; }

    [Id(7)] public RecordedAnswer?[] Answers { get; set; } = [];
}
