namespace Referral.Api.Tests.Auth;

/// <summary>Where a hub matrix cell's room is when the actor calls: each host control is legal in one phase.</summary>
public enum RoomPhase
{
    /// <summary>No room needed.</summary>
    None,

    /// <summary>Opened by the standing host, with the standing player seated.</summary>
    Lobby,

    /// <summary>Lobby, then the game started: question 0 is open.</summary>
    QuestionOpen,

    /// <summary>Question 0 opened and closed: its results are showing.</summary>
    QuestionClosed,
}
