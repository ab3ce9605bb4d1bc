namespace Referral.Grains.Quiz;

/// <summary>Points for one answer: <paramref name="Points"/> includes <paramref name="StreakBonus"/>.</summary>
public sealed record ScoreResult(int Points, int StreakBonus, int StreakAfter);
