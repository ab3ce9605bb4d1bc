namespace Referral.Grains.Abstractions.Quiz;

/// <summary>Where a live room is in its game.</summary>
public enum RoomPhase
{
    /// <summary>Players join; the host may kick and lock.</summary>
    Lobby,

    /// <summary>A question is open until its deadline or until everyone answered.</summary>
    Question,

    /// <summary>The question closed: answer, distribution, results and leaderboard are out.</summary>
    Results,

    /// <summary>The game is over: podium and ranking.</summary>
    Ended,
}
