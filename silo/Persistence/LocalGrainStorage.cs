using System.Collections.Concurrent;
using System.Globalization;
using Orleans.Serialization;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace Referral.Silo.Persistence;

/// <summary>
/// Grain storage in the silo's own memory, for memory mode, where the silo is the only one there
/// is. Orleans' memory storage keeps states in storage grains so that several silos can share
/// them; every read, write and clear is then a grain call, and seating 10,000 guests makes 40,000
/// of them (a device and a user each read on activation and write once), about a seventh of the
/// server's CPU (docs/benchmarks.md). Here each is a dictionary operation on a serialized copy
/// (Orleans' binary codecs, generated for every <c>[GenerateSerializer]</c> state).
/// Same contract: states are stored serialized (what is read back is a new object, as from a
/// database), and the ETag is a version: a write or clear whose ETag is not the stored one's
/// throws <see cref="InconsistentStateException"/>; a state never written, or cleared, reads as
/// a new instance with no ETag. Not for clusters of several silos: each silo would keep its own.
/// </summary>
public sealed class LocalGrainStorage(Serializer serializer, IActivatorProvider activators) : IGrainStorage
{
    private readonly ConcurrentDictionary<(string State, GrainId Grain), Stored> _states = new();
    private readonly Lock _gate = new();
    private long _version;

    /// <summary>States held, for tests and diagnostics.</summary>
    public int Count => _states.Count;

    /// <summary>Bytes held for the states' data, for tests and diagnostics (counts them one by one).</summary>
    public long DataBytes => _states.Values.Sum(s => (long)s.Data.Length);

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        if (_states.TryGetValue((stateName, grainId), out var stored))
        {
            grainState.State = serializer.Deserialize<T>(stored.Data);
            grainState.ETag = stored.ETag;
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
        // An array of exactly the state's size, not a view of a growable buffer's larger array.
        var data = serializer.SerializeToArray(grainState.State);
        var key = (stateName, grainId);
        string etag;
        lock (_gate)
        {
            Check(key, grainState.ETag, "write");
            etag = (++_version).ToString(CultureInfo.InvariantCulture);
            _states[key] = new Stored(data, etag);
        }

        grainState.ETag = etag;
        grainState.RecordExists = true;
        return Task.CompletedTask;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var key = (stateName, grainId);
        lock (_gate)
        {
            Check(key, grainState.ETag, "clear");
            _states.TryRemove(key, out _);
        }

        grainState.State = activators.GetActivator<T>().Create();
        grainState.ETag = null;
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }

    /// <summary>The caller's ETag must be the stored one's: none for a state never written (or cleared).</summary>
    private void Check((string State, GrainId Grain) key, string? etag, string operation)
    {
        var stored = _states.TryGetValue(key, out var current) ? current.ETag : null;
        if (!string.Equals(stored, etag, StringComparison.Ordinal))
        {
            throw new InconsistentStateException(
                $"Version conflict on {operation} of state '{key.State}' of {key.Grain}: stored {stored ?? "none"}, given {etag ?? "none"}.",
                stored ?? "",
                etag ?? "");
        }
    }

    private sealed record Stored(byte[] Data, string ETag);
}
