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

    public SemaphoreSlim Gate { get; } = new(1, 1);

    public StreamSubscriptionHandle<RoomEvent>? Subscription { get; set; }

    public ConcurrentDictionary<string, RoomMember> Members { get; } = new(StringComparer.Ordinal);
}
