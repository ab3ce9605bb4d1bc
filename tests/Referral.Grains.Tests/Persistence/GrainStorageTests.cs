using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using Referral.Grains.Abstractions;
using Referral.Testing;
using Xunit;

namespace Referral.Grains.Tests.Persistence;

/// <summary>
/// The grain-state queries driven through the ADO.NET grain storage of a running silo, with two
/// in-memory copies of one grain's state standing in for two activations of that grain.
/// </summary>
[Collection(SharedPostgres.Name)]
public sealed class GrainStorageTests(PostgresServer postgres)
{
    private const string StateName = "storage-test";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AWriteOrClearWithAStaleETagIsRejected()
    {
        var db = await postgres.CreateMigratedDatabaseAsync();
        await using var silo = await PostgresSilo.StartAsync(db, "storage", "referral-tests", Ct);
        var storage = silo.Services.GetRequiredKeyedService<IGrainStorage>(StorageNames.Default);
        var grain = GrainId.Create("storage-test", Guid.NewGuid().ToString("N"));

        var first = new GrainState<StorageTestState>(new StorageTestState("one"));
        await storage.WriteStateAsync(StateName, grain, first);
        Assert.Equal("1", first.ETag);
        var second = new GrainState<StorageTestState>();
        await storage.ReadStateAsync(StateName, grain, second);
        Assert.Equal(("one", "1", true), (second.State?.Value, second.ETag, second.RecordExists));

        first.State = new StorageTestState("two");
        await storage.WriteStateAsync(StateName, grain, first);
        Assert.Equal("2", first.ETag);

        second.State = new StorageTestState("stale");
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(StateName, grain, second));
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearStateAsync(StateName, grain, second));
        // A second "first write" (an activation that never read) must not create a duplicate row.
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(StateName, grain, new GrainState<StorageTestState>(new StorageTestState("rival"))));

        var current = new GrainState<StorageTestState>();
        await storage.ReadStateAsync(StateName, grain, current);
        Assert.Equal(("two", "2"), (current.State?.Value, current.ETag));

        await storage.ClearStateAsync(StateName, grain, current);
        Assert.Equal(("3", false), (current.ETag, current.RecordExists));
        var cleared = new GrainState<StorageTestState>();
        await storage.ReadStateAsync(StateName, grain, cleared);
        Assert.Equal(((string?)null, "3", false), (cleared.State?.Value, cleared.ETag, cleared.RecordExists));

        cleared.State = new StorageTestState("three");
        await storage.WriteStateAsync(StateName, grain, cleared);
        Assert.Equal("4", cleared.ETag);
        Assert.Equal(1L, await Db.ScalarAsync<long>(db, "SELECT count(*) FROM orleans_grain_state WHERE grain_type = @type", ("type", StateName)));
    }

    [Fact]
    public async Task DeleteOnClearRemovesTheRowAndVersionsStartOver()
    {
        var db = await postgres.CreateMigratedDatabaseAsync();
        await using var silo = await PostgresSilo.StartAsync(db, "deleting", "referral-tests", Ct);
        var storage = silo.Services.GetRequiredKeyedService<IGrainStorage>(PostgresSilo.DeletingStorage);
        var grain = GrainId.Create("storage-test", Guid.NewGuid().ToString("N"));

        var state = new GrainState<StorageTestState>(new StorageTestState("doomed"));
        await storage.WriteStateAsync(StateName, grain, state);
        await storage.WriteStateAsync(StateName, grain, state);
        var stale = new GrainState<StorageTestState> { State = new StorageTestState("stale"), ETag = "1", RecordExists = true };
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearStateAsync(StateName, grain, stale));

        await storage.ClearStateAsync(StateName, grain, state);
        Assert.Null(state.ETag);
        Assert.Equal(0L, await Db.ScalarAsync<long>(db, "SELECT count(*) FROM orleans_grain_state"));

        var reborn = new GrainState<StorageTestState>(new StorageTestState("reborn"));
        await storage.WriteStateAsync(StateName, grain, reborn);
        Assert.Equal("1", reborn.ETag);
    }

    [Fact]
    public async Task EveryKindOfGrainKeyHasItsOwnState()
    {
        var db = await postgres.CreateMigratedDatabaseAsync();
        await using var silo = await PostgresSilo.StartAsync(db, "keys", "referral-tests", Ct);
        var storage = silo.Services.GetRequiredKeyedService<IGrainStorage>(StorageNames.Default);
        var guid = Guid.NewGuid();
        var type = GrainType.Create("storage-test");
        // Neighbours that differ only in the part of the identity a sloppy predicate would miss:
        // with and without a key extension (NULL in the table), and string keys, which reach the
        // table as n0 = n1 = 0 like integer key 0.
        var grains = new Dictionary<string, GrainId>
        {
            ["guid"] = GrainId.Create(type, GrainIdKeyExtensions.CreateGuidKey(guid)),
            ["guid+x"] = GrainId.Create(type, GrainIdKeyExtensions.CreateGuidKey(guid, "x")),
            ["long"] = GrainId.Create(type, GrainIdKeyExtensions.CreateIntegerKey(42)),
            ["long+x"] = GrainId.Create(type, GrainIdKeyExtensions.CreateIntegerKey(42, "x")),
            ["string"] = GrainId.Create(type, "42"),
            ["long-zero"] = GrainId.Create(type, GrainIdKeyExtensions.CreateIntegerKey(0)),
            ["long-zero+x"] = GrainId.Create(type, GrainIdKeyExtensions.CreateIntegerKey(0, "x")),
            ["string-x"] = GrainId.Create(type, "x"),
        };

        Assert.Equal(grains.Count, grains.Values.Distinct().Count());
        foreach (var (label, grain) in grains)
        {
            await storage.WriteStateAsync(StateName, grain, new GrainState<StorageTestState>(new StorageTestState(label)));
        }

        foreach (var (label, grain) in grains)
        {
            var read = new GrainState<StorageTestState>();
            await storage.ReadStateAsync(StateName, grain, read);
            Assert.True(label == read.State?.Value, $"{label} ({grain}) read back '{read.State?.Value}'");
            Assert.Equal("1", read.ETag);
        }

        Assert.Equal((long)grains.Count, await Db.ScalarAsync<long>(db, "SELECT count(*) FROM orleans_grain_state"));
    }
}
