using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Serialization.Serializers;
using Orleans.Storage;
using Referral.Silo.Persistence;
using Xunit;

namespace Referral.Grains.Tests.Persistence;

/// <summary>
/// Memory mode's own grain storage, alone: serialized copies, versions as ETags, conflicts on a
/// stale ETag, the same answers as Orleans' memory storage for states never written or cleared.
/// (Every grain test on a one-silo cluster and every api test runs on it as well.)
/// </summary>
public sealed class LocalGrainStorageTests
{
    private const string StateName = "local-test";

    private readonly LocalGrainStorage _storage;

    public LocalGrainStorageTests()
    {
        var services = new ServiceCollection().AddSerializer(b => b.AddAssembly(typeof(StorageTestState).Assembly)).BuildServiceProvider();
        _storage = new LocalGrainStorage(services.GetRequiredService<Serializer>(), services.GetRequiredService<IActivatorProvider>());
    }

    [Fact]
    public async Task AStateReadsBackAsACopyWithItsVersionAndAStaleWriteOrClearConflicts()
    {
        var grain = GrainId.Create("local-test", Guid.NewGuid().ToString("N"));
        var missing = new GrainState<StorageTestState>();
        await _storage.ReadStateAsync(StateName, grain, missing);
        Assert.Equal(((string?)null, (string?)null, false), (missing.State?.Value, missing.ETag, missing.RecordExists));
        Assert.NotNull(missing.State);

        var first = new GrainState<StorageTestState>(new StorageTestState("one"));
        await _storage.WriteStateAsync(StateName, grain, first);
        Assert.True(first.RecordExists);
        Assert.NotNull(first.ETag);

        var second = new GrainState<StorageTestState>();
        await _storage.ReadStateAsync(StateName, grain, second);
        Assert.Equal(("one", first.ETag, true), (second.State?.Value, second.ETag, second.RecordExists));
        Assert.NotSame(first.State, second.State);

        // The stored copy is not the writer's object: changing it after the write changes nothing.
        first.State!.Value = "changed in memory";
        var again = new GrainState<StorageTestState>();
        await _storage.ReadStateAsync(StateName, grain, again);
        Assert.Equal("one", again.State?.Value);

        first.State = new StorageTestState("two");
        var before = first.ETag;
        await _storage.WriteStateAsync(StateName, grain, first);
        Assert.NotEqual(before, first.ETag);

        second.State = new StorageTestState("stale");
        await Assert.ThrowsAsync<InconsistentStateException>(() => _storage.WriteStateAsync(StateName, grain, second));
        await Assert.ThrowsAsync<InconsistentStateException>(() => _storage.ClearStateAsync(StateName, grain, second));
        // An activation that never read cannot write over a stored state either.
        await Assert.ThrowsAsync<InconsistentStateException>(() => _storage.WriteStateAsync(StateName, grain, new GrainState<StorageTestState>(new StorageTestState("rival"))));

        var current = new GrainState<StorageTestState>();
        await _storage.ReadStateAsync(StateName, grain, current);
        Assert.Equal(("two", first.ETag), (current.State?.Value, current.ETag));

        await _storage.ClearStateAsync(StateName, grain, current);
        Assert.Equal(((string?)null, false, (string?)null), (current.ETag, current.RecordExists, current.State?.Value));
        var cleared = new GrainState<StorageTestState>();
        await _storage.ReadStateAsync(StateName, grain, cleared);
        Assert.Equal(((string?)null, (string?)null, false), (cleared.State?.Value, cleared.ETag, cleared.RecordExists));

        // The writer that still holds the version from before the clear is stale too.
        first.State = new StorageTestState("after clear");
        await Assert.ThrowsAsync<InconsistentStateException>(() => _storage.WriteStateAsync(StateName, grain, first));
        cleared.State = new StorageTestState("three");
        await _storage.WriteStateAsync(StateName, grain, cleared);
        Assert.NotNull(cleared.ETag);
    }

    [Fact]
    public async Task StatesAreKeptApartByStateNameAndGrain()
    {
        var grain = GrainId.Create("local-test", Guid.NewGuid().ToString("N"));
        var other = GrainId.Create("local-test", Guid.NewGuid().ToString("N"));
        await _storage.WriteStateAsync(StateName, grain, new GrainState<StorageTestState>(new StorageTestState("a")));
        await _storage.WriteStateAsync("other-state", grain, new GrainState<StorageTestState>(new StorageTestState("b")));
        await _storage.WriteStateAsync(StateName, other, new GrainState<StorageTestState>(new StorageTestState("c")));

        foreach (var (name, id, expected) in new[] { (StateName, grain, "a"), ("other-state", grain, "b"), (StateName, other, "c") })
        {
            var read = new GrainState<StorageTestState>();
            await _storage.ReadStateAsync(name, id, read);
            Assert.Equal(expected, read.State?.Value);
        }

        Assert.Equal(3, _storage.Count);

        // Each state keeps its serialized size, not the capacity of the buffer it was written into.
        Assert.True(_storage.DataBytes < 3 * 64, $"{_storage.DataBytes} bytes kept for three one-letter states");
    }

    [Fact]
    public async Task ConcurrentFirstWritesOfOneStateLeaveExactlyOneWinner()
    {
        var grain = GrainId.Create("local-test", Guid.NewGuid().ToString("N"));
        var attempts = Enumerable.Range(0, 50).Select(i => Task.Run(async () =>
        {
            try
            {
                await _storage.WriteStateAsync(StateName, grain, new GrainState<StorageTestState>(new StorageTestState($"w{i}")));
                return true;
            }
            catch (InconsistentStateException)
            {
                return false;
            }
        }));

        var results = await Task.WhenAll(attempts);
        Assert.Equal(1, results.Count(won => won));
    }
}
