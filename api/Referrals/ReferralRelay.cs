using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using Orleans.Streams;
using Referral.Api.Hubs;
using Referral.Grains.Abstractions;
using Referral.Grains.Abstractions.Referrals;

namespace Referral.Api.Referrals;

/// <summary>
/// Relays referral events to this node's SignalR connections: a user's <c>user</c> stream while
/// at least one of their connections here watches it (their referral page is open), and a
/// campaign's <c>campaign</c> stream (the live leaderboard) while anyone here watches it. One
/// subscription per stream per api node, never one per connection; players who only play a quiz
/// never cost a subscription.
/// </summary>
public sealed partial class ReferralRelay(IClusterClient cluster, IHubContext<GameHub> hub, ILogger<ReferralRelay> logger)
{
    public const string ActivityMethod = "referralActivity";
    public const string LeaderboardMethod = "leaderboardChanged";

    private readonly ConcurrentDictionary<string, Watch> _watches = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _connections = new(StringComparer.Ordinal);

    public static string CampaignGroup(Guid campaignId) => $"campaign:{campaignId:N}";

    /// <summary>Streams this node is subscribed to (for tests and diagnostics).</summary>
    public int Subscriptions => _watches.Values.Count(w => w.Handle is not null);

    /// <summary>The connection receives its user's referral events and, if given, the campaign's leaderboard.</summary>
    public async Task WatchAsync(string connectionId, Guid userId, Guid? campaignId)
    {
        await UnwatchAsync(connectionId);
        var keys = new List<string> { UserKey(userId) };
        await Attach(keys[0], connectionId, StreamId.Create(StreamNamespaces.User, userId), (e, w) => OnUserEvent(e, w));
        if (campaignId is { } campaign)
        {
            keys.Add(CampaignKey(campaign));
            await hub.Groups.AddToGroupAsync(connectionId, CampaignGroup(campaign));
            await Attach(keys[1], connectionId, StreamId.Create(StreamNamespaces.Campaign, campaign), (e, _) => OnCampaignEvent(campaign, e));
        }

        _connections[connectionId] = string.Join('|', keys);
    }

    public async Task UnwatchAsync(string connectionId)
    {
        if (!_connections.TryRemove(connectionId, out var keys))
        {
            return;
        }

        foreach (var key in keys.Split('|'))
        {
            if (key.StartsWith("c:", StringComparison.Ordinal) && Guid.TryParseExact(key[2..], "N", out var campaign))
            {
                await hub.Groups.RemoveFromGroupAsync(connectionId, CampaignGroup(campaign));
            }

            if (_watches.TryGetValue(key, out var watch))
            {
                await Detach(watch, connectionId);
            }
        }
    }

    private async Task Attach(string key, string connectionId, StreamId streamId, Func<object, Watch, Task> onEvent)
    {
        var watch = _watches.GetOrAdd(key, _ => new Watch());
        await watch.Gate.WaitAsync();
        try
        {
            watch.Connections[connectionId] = 0;
            if (watch.Handle is null)
            {
                // object, not the event type: other features publish other types on the same
                // stream (a user stream also carries quiz completions), and a typed subscription
                // would fail on them.
                var stream = cluster.GetStreamProvider(StorageNames.StreamProvider).GetStream<object>(streamId);
                watch.Handle = await stream.SubscribeAsync((e, _) => onEvent(e, watch));
            }
        }
        finally
        {
            watch.Gate.Release();
        }
    }

    private async Task Detach(Watch watch, string connectionId)
    {
        await watch.Gate.WaitAsync();
        try
        {
            watch.Connections.TryRemove(connectionId, out _);
            if (watch.Connections.IsEmpty && watch.Handle is { } handle)
            {
                watch.Handle = null;
                await handle.UnsubscribeAsync();
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            LogUnsubscribeFailed(logger, e);
        }
        finally
        {
            watch.Gate.Release();
        }
    }

    private async Task OnUserEvent(object e, Watch watch)
    {
        if (e is ReferralActivity activity && !watch.Connections.IsEmpty)
        {
            await hub.Clients.Clients([.. watch.Connections.Keys]).SendAsync(ActivityMethod, activity);
        }
    }

    private async Task OnCampaignEvent(Guid campaignId, object e)
    {
        if (e is LeaderboardChanged changed)
        {
            await hub.Clients.Group(CampaignGroup(campaignId)).SendAsync(LeaderboardMethod, changed);
        }
    }

    private static string UserKey(Guid userId) => $"u:{userId:N}";

    private static string CampaignKey(Guid campaignId) => $"c:{campaignId:N}";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Unsubscribing a referral stream failed.")]
    private static partial void LogUnsubscribeFailed(ILogger logger, Exception exception);

    private sealed class Watch
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public ConcurrentDictionary<string, byte> Connections { get; } = new(StringComparer.Ordinal);

        public StreamSubscriptionHandle<object>? Handle { get; set; }
    }
}
