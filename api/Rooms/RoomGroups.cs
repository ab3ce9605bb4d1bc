using System.Globalization;

namespace Referral.Api.Rooms;

/// <summary>
/// SignalR group names of a room on this api node. Players are spread over
/// <see cref="PlayerShards"/> groups by connection id, hosts have their own group, and a room-wide
/// send goes to all of them at once (SignalR serializes it once for every group of the send).
/// Spread because SignalR compares a group's size under all of its dictionary's locks on every
/// add, and a 10,000-player group's dictionary has grown to a thousand locks.
/// </summary>
public static class RoomGroups
{
    /// <summary>How many groups a room's players are spread over.</summary>
    public const int PlayerShards = 16;

    /// <summary>The room's host connections: live counts, joins, full results and ranking.</summary>
    public static string Host(Guid roomId) => $"room:{roomId:N}:host";

    /// <summary>One of the room's player groups (<paramref name="shard"/> from 0 to <see cref="PlayerShards"/> − 1).</summary>
    public static string Players(Guid roomId, int shard) => string.Create(CultureInfo.InvariantCulture, $"room:{roomId:N}:p{shard}");

    /// <summary>The player group a connection belongs to (the same for the life of this process).</summary>
    public static int ShardOf(string connectionId) => (int)((uint)StringComparer.Ordinal.GetHashCode(connectionId) % PlayerShards);
}
