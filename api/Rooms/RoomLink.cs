using System.Collections.Concurrent;
using Orleans.Streams;
using Referral.Grains.Abstractions.Quiz;

namespace Referral.Api.Rooms;

/// <summary>
/// This api node's tie to one room: the single stream subscription (whatever the number of local
/// connections) and the local connections attached to the room. Subscribing and unsubscribing
/// happen under <see cref="Gate"/>; members are a concurrent map so thousands of joins stay cheap.
/// </summary>
internal sealed class RoomLink(Guid roomId)
{
    public Guid RoomId { get; } = roomId;

    /// <summary>Every group of the room: the player groups (index = shard), then the host group.</summary>
    public string[] AllGroups { get; } = [.. Enumerable.Range(0, RoomGroups.PlayerShards).Select(s => RoomGroups.Players(roomId, s)), RoomGroups.Host(roomId)];

    /// <summary>The room's player groups (<see cref="RoomGroups.Players"/>).</summary>
    public ArraySegment<string> PlayerGroups => new(AllGroups, 0, RoomGroups.PlayerShards);

    /// <summary>The one group of a connection: the host group, or its player group.</summary>
    public string GroupOf(string connectionId, bool isHost) => AllGroups[isHost ? RoomGroups.PlayerShards : RoomGroups.ShardOf(connectionId)];

    public SemaphoreSlim Gate { get; } = new(1, 1);

    public StreamSubscriptionHandle<RoomEvent>? Subscription { get; set; }

    public ConcurrentDictionary<string, RoomMember> Members { get; } = new(StringComparer.Ordinal);

    /// <summary>Guards the player-count throttle below.</summary>
    public Lock CountLock { get; } = new();

    /// <summary>The latest count the room announced, and its sequence.</summary>
    public (int Count, long Sequence) PendingCount { get; set; } = (-1, 0);

    /// <summary>The count players were last sent, and when.</summary>
    public int SentCount { get; set; } = -1;

    public long SentAt { get; set; }

    /// <summary>A trailing send is scheduled (so the last change always reaches players).</summary>
    public bool FlushScheduled { get; set; }

    /// <summary>
    /// The room left its lobby (a question went out): players show the count only in the lobby,
    /// so no count is sent to them from then on.
    /// </summary>
    public bool Started { get; set; }
}
