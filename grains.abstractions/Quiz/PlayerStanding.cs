namespace Referral.Grains.Abstractions.Quiz;

/// <summary>A player's own position: nickname, total, rank, streak, and whether they answered the open question.</summary>
[GenerateSerializer, Immutable, Alias("Referral.Quiz.PlayerStanding")]
public sealed record PlayerStanding(
    [property: Id(0)] Guid UserId,
    [property: Id(1)] string Nickname,
    [property: Id(2)] int Score,
    [property: Id(3)] int Rank,
    [property: Id(4)] int Streak,
    [property: Id(5)] bool AnsweredCurrent);
