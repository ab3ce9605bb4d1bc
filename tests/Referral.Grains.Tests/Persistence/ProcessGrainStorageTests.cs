using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using Referral.Grains.Abstractions;
using Referral.Testing;
using Xunit;

namespace Referral.Grains.Tests.Persistence;

/// <summary>
/// Memory mode's grain storage (<c>ProcessGrainStorage</c>) as the shared two-silo cluster runs
/// it: one store for both silos, ETags checked as in PostgreSQL, and the stored copy independent of
/// the object it was written from.
/// </summary>
[Collection(SharedCluster.Name)]
public sealed class ProcessGrainStorageTests(OrleansClusterFixture fixture)
{
    private const string StateName = "process-storage-test";

    [Fact]
    public async Task BothSilosShareOneStoreThatChecksETagsAndKeepsItsOwnCopy()
    {
        var first = fixture.Cluster.Silos[0].ServiceProvider.GetRequiredKeyedService<IGrainStorage>(StorageNames.Default);
        var second = fixture.Cluster.Silos[1].ServiceProvider.GetRequiredKeyedService<IGrainStorage>(StorageNames.Default);
        Assert.NotSame(first, second);
        var grain = GrainId.Create("process-storage-test", Guid.NewGuid().ToString("N"));

        var missing = new GrainState<StorageTestState>();
        await first.ReadStateAsync(StateName, grain, missing);
        Assert.Equal(((string?)null, (string?)null, false), (missing.State?.Value, missing.ETag, missing.RecordExists));
        Assert.NotNull(missing.State);

        var written = new GrainState<StorageTestState>(new StorageTestState("one"));
        await first.WriteStateAsync(StateName, grain, written);
        Assert.True(written.RecordExists);
        Assert.NotNull(written.ETag);

        // Changing the grain's object after the write changes nothing stored.
        written.State!.Value = "changed in memory";
        var read = new GrainState<StorageTestState>();
        await second.ReadStateAsync(StateName, grain, read);
        Assert.Equal(("one", written.ETag, true), (read.State?.Value, read.ETag, read.RecordExists));
        Assert.NotSame(written.State, read.State);

        read.State = new StorageTestState("two");
        await second.WriteStateAsync(StateName, grain, read);
        Assert.NotEqual(written.ETag, read.ETag);

        // The first copy is stale now: its write and its clear are refused, and so is a rival
        // first write (an activation that never read).
        await Assert.ThrowsAsync<InconsistentStateException>(() => first.WriteStateAsync(StateName, grain, written));
        await Assert.ThrowsAsync<InconsistentStateException>(() => first.ClearStateAsync(StateName, grain, written));
        await Assert.ThrowsAsync<InconsistentStateException>(() => first.WriteStateAsync(StateName, grain, new GrainState<StorageTestState>(new StorageTestState("rival"))));

        var current = new GrainState<StorageTestState>();
        await first.ReadStateAsync(StateName, grain, current);
        Assert.Equal(("two", read.ETag), (current.State?.Value, current.ETag));

        await first.ClearStateAsync(StateName, grain, current);
        Assert.Equal(((string?)null, false), (current.ETag, current.RecordExists));
        var cleared = new GrainState<StorageTestState>();
        await second.ReadStateAsync(StateName, grain, cleared);
        Assert.Equal(((string?)null, false), (cleared.State?.Value, cleared.RecordExists));

        // After a clear the record starts over: a first write with no ETag is accepted again.
        await second.WriteStateAsync(StateName, grain, cleared);
        Assert.True(cleared.RecordExists);
    }

    [Fact]
    public async Task EachStateNameAndGrainHasItsOwnRecord()
    {
        var storage = fixture.Cluster.Silos[0].ServiceProvider.GetRequiredKeyedService<IGrainStorage>(StorageNames.Default);
        var a = GrainId.Create("process-storage-test", Guid.NewGuid().ToString("N"));
        var b = GrainId.Create("process-storage-test", Guid.NewGuid().ToString("N"));
        await storage.WriteStateAsync(StateName, a, new GrainState<StorageTestState>(new StorageTestState("a")));
        await storage.WriteStateAsync(StateName + "-other", a, new GrainState<StorageTestState>(new StorageTestState("a, other state")));
        await storage.WriteStateAsync(StateName, b, new GrainState<StorageTestState>(new StorageTestState("b")));

        async Task<string?> Read(string name, GrainId grain)
        {
            var state = new GrainState<StorageTestState>();
            await storage.ReadStateAsync(name, grain, state);
            return state.State?.Value;
        }

        Assert.Equal("a", await Read(StateName, a));
        Assert.Equal("a, other state", await Read(StateName + "-other", a));
        Assert.Equal("b", await Read(StateName, b));
    }
}
