namespace Referral.Api.Rooms;

/// <summary>SignalR group names of a room on this api node.</summary>
public static class RoomGroups
{
    /// <summary>Everyone attached to the room (players and host): phase broadcasts; minus the host's
    /// connections, the players' count.</summary>
    public static string All(Guid roomId) => $"room:{roomId:N}";

    /// <summary>The room's host connections: live counts, joins, full results and ranking.</summary>
    public static string Host(Guid roomId) => $"room:{roomId:N}:host";
}
