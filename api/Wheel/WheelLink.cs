using System.Collections.Concurrent;
using Orleans.Streams;
using Referral.Grains.Abstractions.Wheel;

namespace Referral.Api.Wheel;

/// <summary>This api node's one subscription to a wheel's stream and the local connections watching it.</summary>
internal sealed class WheelLink(string wheelId)
{
    public string WheelId { get; } = wheelId;

    public SemaphoreSlim Gate { get; } = new(1, 1);

    public StreamSubscriptionHandle<WheelEvent>? Subscription { get; set; }

    public ConcurrentDictionary<string, byte> Watchers { get; } = new(StringComparer.Ordinal);
}
