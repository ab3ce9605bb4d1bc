namespace Referral.Grains.Abstractions.Quiz;

/// <summary>A line of a leaderboard or ranking.</summary>
[GenerateSerializer, Immutable, Alias("Referral.Quiz.RankEntry")]
public sealed record RankEntry(
    [property: Id(0)] int Rank,
    [property: Id(1)] Guid UserId,
    [property: Id(2)] string Nickname,
    [property: Id(3)] int Score,
    [property: Id(4)] int CorrectAnswers);
