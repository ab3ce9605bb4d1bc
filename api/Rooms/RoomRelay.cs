using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using Orleans.Streams;
using Referral.Api.Hubs;
using Referral.Grains.Abstractions;
using Referral.Grains.Abstractions.Quiz;

namespace Referral.Api.Rooms;

/// <summary>
/// Relays room stream events to this node's SignalR connections. The node subscribes to a room's
/// stream when its first local connection attaches and unsubscribes when its last one leaves, so
/// a stream has one subscriber per api node, never one per connection. Broadcasts go to SignalR
/// groups (serialised once); personal results are cut out of one results event per connection,
/// so a room never sends a grain call or an Orleans message per player.
/// </summary>
public sealed partial class RoomRelay(IClusterClient cluster, IHubContext<GameHub> hub, ILogger<RoomRelay> logger)
{
    // Players' count updates cost one message per player: a room of N players gets one at most
    // every max(1, N / 1,000) seconds, so the count costs at most ~1,000 messages a second per
    // room whatever its size (the host's screen has its own, faster feed).
    private const double PlayersPerCountSecond = 1000;
    private readonly ConcurrentDictionary<Guid, RoomLink> _rooms = new();
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<Guid, byte>> _connections = new(StringComparer.Ordinal);

    /// <summary>Rooms this node is subscribed to (for diagnostics and tests).</summary>
    public int SubscribedRooms => _rooms.Values.Count(r => r.Subscription is not null);

    /// <summary>Makes sure this node receives the room's events (before the caller reads a snapshot).</summary>
    public async Task EnsureSubscribed(Guid roomId)
    {
        var link = _rooms.GetOrAdd(roomId, id => new RoomLink(id));
        if (link.Subscription is not null)
        {
            // Every join after the first: no wait on the gate that thousands of joins would queue on.
            return;
        }

        await link.Gate.WaitAsync();
        try
        {
            if (link.Subscription is null)
            {
                var stream = cluster.GetStreamProvider(StorageNames.StreamProvider)
                    .GetStream<RoomEvent>(StreamId.Create(StreamNamespaces.Room, roomId));
                link.Subscription = await stream.SubscribeAsync((e, _) => Relay(link, e));
                LogSubscribed(logger, roomId);
            }
        }
        finally
        {
            link.Gate.Release();
        }
    }

    /// <summary>Drops a subscription taken for a connection the room then refused, if nobody else uses it.</summary>
    public async Task Release(Guid roomId)
    {
        if (_rooms.TryGetValue(roomId, out var link))
        {
            await UnsubscribeIfUnused(link);
        }
    }

    /// <summary>Attaches a connection to a room (after the room accepted the user).</summary>
    public async Task Attach(string connectionId, Guid roomId, Guid userId, bool isHost)
    {
        await EnsureSubscribed(roomId);
        var link = _rooms[roomId];
        link.Members[connectionId] = new RoomMember(userId, isHost);
        _connections.GetOrAdd(connectionId, _ => new()).TryAdd(roomId, 0);
        // One group each: a host's, or one of the room's player groups.
        await hub.Groups.AddToGroupAsync(connectionId, link.GroupOf(connectionId, isHost));
    }

    /// <summary>Detaches a connection from one room; the last one out unsubscribes the node.</summary>
    public async Task Detach(string connectionId, Guid roomId)
    {
        if (_connections.TryGetValue(connectionId, out var rooms))
        {
            rooms.TryRemove(roomId, out _);
        }

        if (!_rooms.TryGetValue(roomId, out var link) || !link.Members.TryRemove(connectionId, out var member))
        {
            return;
        }

        await hub.Groups.RemoveFromGroupAsync(connectionId, link.GroupOf(connectionId, member.IsHost));

        await UnsubscribeIfUnused(link);
    }

    /// <summary>A connection closed: detach it from every room it was in.</summary>
    public async Task Disconnected(string connectionId)
    {
        if (_connections.TryRemove(connectionId, out var rooms))
        {
            foreach (var roomId in rooms.Keys)
            {
                if (_rooms.TryGetValue(roomId, out var link) && link.Members.TryRemove(connectionId, out _))
                {
                    await UnsubscribeIfUnused(link);
                }
            }
        }
    }

    private async Task UnsubscribeIfUnused(RoomLink link)
    {
        await link.Gate.WaitAsync();
        try
        {
            if (link.Members.IsEmpty && link.Subscription is { } subscription)
            {
                link.Subscription = null;
                _rooms.TryRemove(link.RoomId, out _);
                await subscription.UnsubscribeAsync();
                LogUnsubscribed(logger, link.RoomId);
            }
        }
        finally
        {
            link.Gate.Release();
        }
    }

    private async Task Relay(RoomLink link, RoomEvent e)
    {
        try
        {
            var roomId = link.RoomId;
            switch (e)
            {
                case QuestionStarted started:
                    lock (link.CountLock)
                    {
                        // A trailing lobby count (up to N / 1,000 s after the last join) would
                        // otherwise go out to every player alongside the first question.
                        link.Started = true;
                    }

                    await hub.Clients.Groups(link.AllGroups).SendAsync(HubEvents.QuestionStarted, started);
                    break;

                case PlayersChanged activity:
                    await hub.Clients.Group(RoomGroups.Host(roomId)).SendAsync(HubEvents.HostActivity, activity);
                    lock (link.CountLock)
                    {
                        link.PendingCount = (activity.PlayerCount, activity.Sequence);
                    }

                    await FlushPlayerCount(link);
                    break;

                case QuestionClosed closed:
                    await RelayClosed(link, closed);
                    break;

                case RoomLockChanged locked:
                    await hub.Clients.Groups(link.AllGroups).SendAsync(
                        HubEvents.RoomLocked, new RoomLockedMessage(roomId, locked.Sequence, locked.Locked));
                    break;

                case PlayerKicked kicked:
                    await RelayKicked(link, kicked);
                    break;

                case GameEnded ended:
                    await RelayEnded(link, ended);
                    break;
            }
        }
        catch (Exception ex)
        {
            // A relay failure must never kill the subscription: clients resync from snapshots.
            LogRelayFailed(logger, ex, link.RoomId, e.GetType().Name, e.Sequence);
        }
    }

    /// <summary>
    /// Players see the room's count in the lobby only, only when it changed, at most once a
    /// second, and less often in big rooms: while 10,000 players are seated, a count per activity
    /// tick was over a million messages, and one a second still over 100,000 (docs/benchmarks.md).
    /// A trailing send makes sure the last change in the lobby still arrives.
    /// </summary>
    private async Task FlushPlayerCount(RoomLink link)
    {
        (int Count, long Sequence) send;
        lock (link.CountLock)
        {
            var pending = link.PendingCount;
            if (link.Started || pending.Count == link.SentCount)
            {
                return;
            }

            var interval = TimeSpan.FromSeconds(Math.Max(1.0, pending.Count / PlayersPerCountSecond));
            var wait = interval - TimeSpan.FromTicks(Environment.TickCount64 * TimeSpan.TicksPerMillisecond - link.SentAt);
            if (wait > TimeSpan.Zero)
            {
                if (!link.FlushScheduled)
                {
                    link.FlushScheduled = true;
                    _ = Task.Delay(wait).ContinueWith(
                        _ =>
                        {
                            lock (link.CountLock)
                            {
                                link.FlushScheduled = false;
                            }

                            return FlushPlayerCount(link);
                        },
                        TaskScheduler.Default).Unwrap();
                }

                return;
            }

            link.SentCount = pending.Count;
            link.SentAt = Environment.TickCount64 * TimeSpan.TicksPerMillisecond;
            send = pending;
        }

        try
        {
            await hub.Clients.Groups(link.PlayerGroups).SendAsync(
                HubEvents.PlayerCount, new PlayerCountMessage(link.RoomId, send.Sequence, send.Count));
        }
        catch (Exception ex)
        {
            LogRelayFailed(logger, ex, link.RoomId, nameof(PlayersChanged), send.Sequence);
        }
    }

    private async Task RelayClosed(RoomLink link, QuestionClosed closed)
    {
        var roomId = link.RoomId;
        await hub.Clients.Group(RoomGroups.Host(roomId)).SendAsync(HubEvents.QuestionClosed, new HostQuestionClosedMessage(
            roomId, closed.Sequence, closed.Index, closed.Answer, closed.Distribution, closed.NoAnswer, closed.Leaderboard,
            closed.IsLast, closed.Results.Count(r => r.Answered), closed.Results.Count));

        var results = closed.Results.ToDictionary(r => r.UserId);
        foreach (var (connectionId, member) in link.Members)
        {
            if (member.IsHost)
            {
                continue;
            }

            results.TryGetValue(member.UserId, out var mine);
            await hub.Clients.Client(connectionId).SendAsync(HubEvents.QuestionClosed, new PlayerQuestionClosedMessage(
                roomId, closed.Sequence, closed.Index, closed.Answer, closed.Distribution, closed.NoAnswer, closed.Leaderboard, closed.IsLast, mine));
        }
    }

    private async Task RelayKicked(RoomLink link, PlayerKicked kicked)
    {
        var roomId = link.RoomId;
        await hub.Clients.Group(RoomGroups.Host(roomId)).SendAsync(HubEvents.PlayerKicked, new PlayerKickedMessage(roomId, kicked.Sequence, kicked.UserId));
        foreach (var (connectionId, member) in link.Members)
        {
            if (member.UserId == kicked.UserId && !member.IsHost)
            {
                await hub.Clients.Client(connectionId).SendAsync(HubEvents.Kicked, new PlayerKickedMessage(roomId, kicked.Sequence, kicked.UserId));
                await Detach(connectionId, roomId);
            }
        }
    }

    private async Task RelayEnded(RoomLink link, GameEnded ended)
    {
        var roomId = link.RoomId;
        await hub.Clients.Group(RoomGroups.Host(roomId)).SendAsync(HubEvents.GameEnded, ended);
        var ranks = ended.Ranking.ToDictionary(r => r.UserId);
        foreach (var (connectionId, member) in link.Members)
        {
            if (!member.IsHost)
            {
                ranks.TryGetValue(member.UserId, out var mine);
                await hub.Clients.Client(connectionId).SendAsync(HubEvents.GameEnded, new PlayerGameEndedMessage(roomId, ended.Sequence, ended.Podium, mine));
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Subscribed to room {RoomId}.")]
    private static partial void LogSubscribed(ILogger logger, Guid roomId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Unsubscribed from room {RoomId}.")]
    private static partial void LogUnsubscribed(ILogger logger, Guid roomId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Relaying {EventType} #{Sequence} of room {RoomId} failed.")]
    private static partial void LogRelayFailed(ILogger logger, Exception exception, Guid roomId, string eventType, long sequence);
}
