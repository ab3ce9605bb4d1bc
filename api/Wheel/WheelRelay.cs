using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using Orleans.Streams;
using Referral.Api.Hubs;
using Referral.Grains.Abstractions;
using Referral.Grains.Abstractions.Wheel;

namespace Referral.Api.Wheel;

/// <summary>
/// Relays wheel stream events (stock changes, big wins) to the SignalR group of the wheel's
/// watchers on this node. Like the room relay: one stream subscription per api node per watched
/// wheel, taken by the first watcher and dropped after the last, never one per connection.
/// </summary>
public sealed partial class WheelRelay(IClusterClient cluster, IHubContext<GameHub> hub, ILogger<WheelRelay> logger)
{
    private readonly ConcurrentDictionary<string, WheelLink> _wheels = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, byte>> _connections = new(StringComparer.Ordinal);

    /// <summary>Wheels this node is subscribed to (for diagnostics and tests).</summary>
    public int SubscribedWheels => _wheels.Values.Count(w => w.Subscription is not null);

    /// <summary>Subscribes this node (before the caller reads the odds, so no later event is missed).</summary>
    public async Task EnsureSubscribed(string wheelId)
    {
        var link = _wheels.GetOrAdd(wheelId, id => new WheelLink(id));
        await link.Gate.WaitAsync();
        try
        {
            if (link.Subscription is null)
            {
                var stream = cluster.GetStreamProvider(StorageNames.StreamProvider)
                    .GetStream<WheelEvent>(StreamId.Create(StreamNamespaces.Wheel, wheelId));
                link.Subscription = await stream.SubscribeAsync((e, _) => Relay(link, e));
                LogSubscribed(logger, wheelId);
            }
        }
        finally
        {
            link.Gate.Release();
        }
    }

    public async Task Watch(string connectionId, string wheelId)
    {
        await EnsureSubscribed(wheelId);
        _wheels[wheelId].Watchers[connectionId] = 0;
        _connections.GetOrAdd(connectionId, _ => new(StringComparer.Ordinal)).TryAdd(wheelId, 0);
        await hub.Groups.AddToGroupAsync(connectionId, WheelHubEvents.Group(wheelId));
    }

    public async Task Unwatch(string connectionId, string wheelId)
    {
        if (_connections.TryGetValue(connectionId, out var wheels))
        {
            wheels.TryRemove(wheelId, out _);
        }

        if (_wheels.TryGetValue(wheelId, out var link))
        {
            link.Watchers.TryRemove(connectionId, out _);
            await hub.Groups.RemoveFromGroupAsync(connectionId, WheelHubEvents.Group(wheelId));
            await UnsubscribeIfUnused(link);
        }
    }

    /// <summary>Gives back a subscription taken for a watch that then failed, if nobody else uses it.</summary>
    public async Task Release(string wheelId)
    {
        if (_wheels.TryGetValue(wheelId, out var link))
        {
            await UnsubscribeIfUnused(link);
        }
    }

    public async Task Disconnected(string connectionId)
    {
        if (_connections.TryRemove(connectionId, out var wheels))
        {
            foreach (var wheelId in wheels.Keys)
            {
                if (_wheels.TryGetValue(wheelId, out var link) && link.Watchers.TryRemove(connectionId, out _))
                {
                    await UnsubscribeIfUnused(link);
                }
            }
        }
    }

    private async Task UnsubscribeIfUnused(WheelLink link)
    {
        await link.Gate.WaitAsync();
        try
        {
            if (link.Watchers.IsEmpty && link.Subscription is { } subscription)
            {
                link.Subscription = null;
                _wheels.TryRemove(link.WheelId, out _);
                await subscription.UnsubscribeAsync();
                LogUnsubscribed(logger, link.WheelId);
            }
        }
        finally
        {
            link.Gate.Release();
        }
    }

    private async Task Relay(WheelLink link, WheelEvent e)
    {
        try
        {
            var name = e switch
            {
                WheelStockChanged => WheelHubEvents.StockChanged,
                WheelBigWin => WheelHubEvents.BigWin,
                _ => null,
            };
            if (name is not null)
            {
                // Sent as the concrete type, so every field reaches the client.
                await hub.Clients.Group(WheelHubEvents.Group(link.WheelId)).SendAsync(name, (object)e);
            }
        }
        catch (Exception ex)
        {
            // A relay failure must never kill the subscription: watchers resync from the odds.
            LogRelayFailed(logger, ex, link.WheelId, e.GetType().Name, e.Sequence);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Subscribed to wheel {WheelId}.")]
    private static partial void LogSubscribed(ILogger logger, string wheelId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Unsubscribed from wheel {WheelId}.")]
    private static partial void LogUnsubscribed(ILogger logger, string wheelId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Relaying {EventType} #{Sequence} of wheel {WheelId} failed.")]
    private static partial void LogRelayFailed(ILogger logger, Exception exception, string wheelId, string eventType, long sequence);
}
