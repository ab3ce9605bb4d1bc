namespace Referral.Grains.Abstractions.Quiz;

/// <summary>The host's report of a game.</summary>
[GenerateSerializer, Immutable, Alias("Referral.Quiz.RoomReport")]
public sealed record RoomReport(
    [property: Id(0)] Guid RoomId,
    [property: Id(1)] string QuizTitle,
    [property: Id(2)] IReadOnlyList<string> Questions,
    [property: Id(3)] IReadOnlyList<ReportRow> Rows,
    [property: Id(4)] IReadOnlyList<RankEntry> Ranking);
