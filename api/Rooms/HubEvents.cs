namespace Referral.Api.Rooms;

/// <summary>Names of the server-to-client hub events (docs/protocol.md describes each payload).</summary>
public static class HubEvents
{
    public const string QuestionStarted = "questionStarted";
    public const string QuestionClosed = "questionClosed";
    public const string PlayerCount = "playerCount";
    public const string HostActivity = "hostActivity";
    public const string RoomLocked = "roomLocked";
    public const string Kicked = "kicked";
    public const string PlayerKicked = "playerKicked";
    public const string GameEnded = "gameEnded";
}
