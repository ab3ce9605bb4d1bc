using System.Collections.Concurrent;
using Orleans.Configuration;
using Orleans.Serialization;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace Referral.Silo.Hosting;

/// <summary>
/// Grain storage of single-node memory mode: each state's serialized copy in a dictionary of this
/// process, shared by the silos of one cluster (cluster and service id) in the process: the
/// in-process test clusters run several, and each test api its own cluster. Orleans' own memory storage keeps the copies in storage grains, so every
/// read and write is a grain call with a deep copy of the bytes, for a store that is in this
/// process anyway. ETags are checked as in durable storage: a write or clear naming an ETag other
/// than the stored one (or a new record's null) throws <see cref="InconsistentStateException"/>.
/// Not durable by design: memory mode is one node, and its start-up log says so.
/// </summary>
public sealed class ProcessGrainStorage(string name, ClusterOptions cluster, Serializer serializer, IActivatorProvider activators) : IGrainStorage
{
    private static readonly ConcurrentDictionary<string, Shelf> Shelves = new(StringComparer.Ordinal);

    private readonly Shelf _shelf = Shelves.GetOrAdd($"{cluster.ClusterId}/{cluster.ServiceId}/{name}", _ => new Shelf());

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        if (_shelf.Records.TryGetValue(Key(stateName, grainId), out var record))
        {
            grainState.State = serializer.Deserialize<T>(record.Data);
            grainState.ETag = record.ETag;
            grainState.RecordExists = true;
        }
        else
        {
            grainState.State = activators.GetActivator<T>().Create();
            grainState.ETag = null;
            grainState.RecordExists = false;
        }

        return Task.CompletedTask;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var key = Key(stateName, grainId);

        // Serialized outside the lock: the copy is what makes later changes to the grain's
        // object invisible to the store until the next write. An exact-size array: the storage
        // serializer's BinaryData keeps its whole growth buffer (4 KB and more) alive, which cost
        // 24 KB of memory per seated player.
        var data = serializer.SerializeToArray(grainState.State);
        lock (_shelf.Gate)
        {
            var stored = _shelf.Records.TryGetValue(key, out var record) ? record.ETag : null;
            if (!string.Equals(stored, grainState.ETag, StringComparison.Ordinal))
            {
                throw Mismatch(key, stored, grainState.ETag);
            }

            var etag = (++_shelf.Version).ToString(System.Globalization.CultureInfo.InvariantCulture);
            _shelf.Records[key] = new Record(data, etag);
            grainState.ETag = etag;
        }

        grainState.RecordExists = true;
        return Task.CompletedTask;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var key = Key(stateName, grainId);
        lock (_shelf.Gate)
        {
            var stored = _shelf.Records.TryGetValue(key, out var record) ? record.ETag : null;
            if (stored is not null && !string.Equals(stored, grainState.ETag, StringComparison.Ordinal))
            {
                throw Mismatch(key, stored, grainState.ETag);
            }

            _shelf.Records.TryRemove(key, out _);
        }

        grainState.ETag = null;
        grainState.RecordExists = false;
        grainState.State = activators.GetActivator<T>().Create();
        return Task.CompletedTask;
    }

    private static string Key(string stateName, GrainId grainId) => $"{stateName}/{grainId}";

    private static InconsistentStateException Mismatch(string key, string? stored, string? given) =>
        new($"ETag mismatch on {key}: stored {stored ?? "none"}, written with {given ?? "none"}.", stored ?? "", given ?? "");

    private sealed record Record(byte[] Data, string ETag);

    private sealed class Shelf
    {
        public ConcurrentDictionary<string, Record> Records { get; } = new(StringComparer.Ordinal);

        public Lock Gate { get; } = new();

        public long Version { get; set; }
    }
}
