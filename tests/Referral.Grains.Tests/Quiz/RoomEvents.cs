using System.Collections.Concurrent;
using Orleans.Streams;
using Referral.Grains.Abstractions;
using Referral.Grains.Abstractions.Quiz;

namespace Referral.Grains.Tests.Quiz;

/// <summary>Collects a room's stream events as a client subscriber (what an api node sees).</summary>
internal sealed class RoomEvents : IAsyncDisposable
{
    private readonly ConcurrentQueue<RoomEvent> _events = new();
    private StreamSubscriptionHandle<RoomEvent>? _handle;

    public IReadOnlyList<RoomEvent> All => _events.ToList();

    public static async Task<RoomEvents> Subscribe(IClusterClient client, Guid roomId)
    {
        var events = new RoomEvents();
        var stream = client.GetStreamProvider(StorageNames.StreamProvider).GetStream<RoomEvent>(StreamId.Create(StreamNamespaces.Room, roomId));
        events._handle = await stream.SubscribeAsync((e, _) =>
        {
            events._events.Enqueue(e);
            return Task.CompletedTask;
        });
        return events;
    }

    /// <summary>Waits (bounded) until an event of type <typeparamref name="T"/> matching <paramref name="match"/> arrived.</summary>
    public async Task<T> Next<T>(Func<T, bool>? match = null, int timeoutMs = 10_000)
        where T : RoomEvent
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        while (DateTime.UtcNow < deadline)
        {
            var found = _events.OfType<T>().FirstOrDefault(e => match?.Invoke(e) ?? true);
            if (found is not null)
            {
                return found;
            }

            await Task.Delay(20);
        }

        throw new TimeoutException($"No {typeof(T).Name} within {timeoutMs} ms; got: {string.Join(", ", _events.Select(e => e.GetType().Name))}");
    }

    public async ValueTask DisposeAsync()
    {
        if (_handle is not null)
        {
            await _handle.UnsubscribeAsync();
        }
    }
}
