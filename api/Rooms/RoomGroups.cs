namespace Referral.Api.Rooms;

/// <summary>SignalR group names of a room on this api node.</summary>
public static class RoomGroups
{
    /// <summary>Everyone attached to the room (players and host): phase broadcasts.</summary>
    public static string All(Guid roomId) => $"room:{roomId:N}";

    /// <summary>The room's seated players: the coalesced player count.</summary>
    public static string Players(Guid roomId) => $"room:{roomId:N}:players";

    /// <summary>The room's host connections: live counts, joins, full results and ranking.</summary>
    public static string Host(Guid roomId) => $"room:{roomId:N}:host";
}
