using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Messaging;
using Orleans.Runtime.Membership;
using Orleans.Runtime.MembershipService;
using Referral.Testing;
using Xunit;

namespace Referral.Grains.Tests.Persistence;

/// <summary>
/// The clustering queries driven through the real ADO.NET membership provider, one call at a
/// time, so each contract rule (versioned writes, unversioned heartbeats, clean-up) is checked
/// on its own rather than hoped for inside a running silo.
/// </summary>
[Collection(SharedPostgres.Name)]
public sealed class MembershipTableTests(PostgresServer postgres)
{
    // Whole milliseconds, so values survive the round trip exactly.
    private static readonly DateTime Now = new(DateTime.UtcNow.Ticks / TimeSpan.TicksPerMillisecond * TimeSpan.TicksPerMillisecond, DateTimeKind.Utc);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task MembershipWritesWithAStaleVersionChangeNothing()
    {
        var db = await postgres.CreateMigratedDatabaseAsync();
        var table = await TableAsync(db, "stale");
        var empty = await table.ReadAllAsync(Ct);
        Assert.Empty(empty.Members);
        Assert.Equal(0, empty.Version.Version);

        var a = Entry(11111, SiloStatus.Joining, Now.AddMinutes(-1), Now);
        Assert.True(await table.InsertRowAsync(a, empty.Version.Next(), Ct), "first insert at version 0");
        Assert.False(await table.InsertRowAsync(Entry(11112, SiloStatus.Joining, Now, Now), empty.Version.Next(), Ct), "insert with stale version 0");
        var one = await table.ReadAllAsync(Ct);
        Assert.False(await table.InsertRowAsync(a, one.Version.Next(), Ct), "duplicate silo");

        var afterInserts = await table.ReadAllAsync(Ct);
        Assert.Equal(1, afterInserts.Version.Version);
        var (stored, etag) = Assert.Single(afterInserts.Members);
        Assert.Equal(a.SiloAddress, stored.SiloAddress);
        Assert.Equal(a.SiloName, stored.SiloName);
        Assert.Equal(a.HostName, stored.HostName);
        Assert.Equal(SiloStatus.Joining, stored.Status);
        Assert.Equal(a.ProxyPort, stored.ProxyPort);
        Assert.Equal(a.StartTime, stored.StartTime);
        Assert.Equal(a.IAmAliveTime, stored.IAmAliveTime);

        a.Status = SiloStatus.Active;
        a.SuspectTimes = [Tuple.Create(SiloAddress.New(IPAddress.Loopback, 22222, 3), Now.AddSeconds(-5))];
        Assert.False(await table.UpdateRowAsync(a, empty.Version.VersionEtag, empty.Version.Next(), Ct), "update with stale version 0");
        Assert.True(await table.UpdateRowAsync(a, etag, afterInserts.Version.Next(), Ct), "update at version 1");

        var updated = await table.ReadRowAsync(a.SiloAddress, Ct);
        Assert.Equal(2, updated.Version.Version);
        var (row, _) = Assert.Single(updated.Members);
        Assert.Equal(SiloStatus.Active, row.Status);
        Assert.NotNull(row.SuspectTimes);
        var suspicion = Assert.Single(row.SuspectTimes);
        Assert.Equal(a.SuspectTimes[0].Item1, suspicion.Item1);
        Assert.Equal(a.SuspectTimes[0].Item2, suspicion.Item2);
    }

    [Fact]
    public async Task ReadingAnUnknownSiloStillReturnsTheTableVersion()
    {
        var db = await postgres.CreateMigratedDatabaseAsync();
        var table = await TableAsync(db, "unknown");
        await InsertAsync(table, Entry(11111, SiloStatus.Active, Now, Now));

        var data = await table.ReadRowAsync(SiloAddress.New(IPAddress.Loopback, 9, 9), Ct);

        Assert.Empty(data.Members);
        Assert.Equal(1, data.Version.Version);
    }

    [Fact]
    public async Task HeartbeatMovesOnlyTheAliveTime()
    {
        var db = await postgres.CreateMigratedDatabaseAsync();
        var table = await TableAsync(db, "heartbeat");
        var entry = Entry(11111, SiloStatus.Active, Now.AddMinutes(-5), Now.AddMinutes(-5));
        await InsertAsync(table, entry);

        entry.IAmAliveTime = Now;
        await table.UpdateIAmAliveAsync(entry, Ct);

        var data = await table.ReadRowAsync(entry.SiloAddress, Ct);
        var (row, _) = Assert.Single(data.Members);
        Assert.Equal(Now, row.IAmAliveTime);
        Assert.Equal(Now.AddMinutes(-5), row.StartTime);
        Assert.Equal(1, data.Version.Version);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task DefunctCleanupRemovesOnlySilosDeadSinceBeforeTheCutoff(bool capturedRowQuery)
    {
        var db = await postgres.CreateMigratedDatabaseAsync();
        if (!capturedRowQuery)
        {
            // Without the optional key the provider falls back to the bulk query.
            Assert.Equal(1, await Db.ExecuteAsync(db, $"DELETE FROM OrleansQuery WHERE QueryKey = '{OrleansQueryContract.ClusteringOptionalCleanup}'"));
        }

        var table = await TableAsync(db, "cleanup");
        var longAgo = Now.AddDays(-3);
        var deadLongAgo = Entry(1, SiloStatus.Dead, longAgo, longAgo);
        var deadLongAgoWithOldSuspicion = Entry(2, SiloStatus.Dead, longAgo, longAgo);
        deadLongAgoWithOldSuspicion.SuspectTimes = [Tuple.Create(deadLongAgo.SiloAddress, longAgo)];
        var deadRecently = Entry(3, SiloStatus.Dead, longAgo, Now.AddMinutes(-10));
        var activeButSilent = Entry(4, SiloStatus.Active, longAgo, longAgo);
        foreach (var entry in new[] { deadLongAgo, deadLongAgoWithOldSuspicion, deadRecently, activeButSilent })
        {
            await InsertAsync(table, entry);
        }

        await table.CleanupDefunctSiloEntriesAsync(new DateTimeOffset(Now.AddDays(-1)), Ct);

        var remaining = (await table.ReadAllAsync(Ct)).Members.Select(m => m.Item1.SiloAddress.Endpoint.Port).Order();
        Assert.Equal([3, 4], remaining);
    }

    [Fact]
    public async Task DeletingAClusterLeavesOtherClustersAlone()
    {
        var db = await postgres.CreateMigratedDatabaseAsync();
        var doomed = await TableAsync(db, "doomed");
        var kept = await TableAsync(db, "kept");
        await InsertAsync(doomed, Entry(1, SiloStatus.Active, Now, Now));
        await InsertAsync(kept, Entry(2, SiloStatus.Active, Now, Now));

        await doomed.DeleteMembershipTableEntriesAsync("doomed", Ct);

        Assert.Equal(0L, await Db.ScalarAsync<long>(db, "SELECT count(*) FROM orleans_membership_version WHERE deployment_id = 'doomed'"));
        Assert.Equal(0L, await Db.ScalarAsync<long>(db, "SELECT count(*) FROM orleans_membership WHERE deployment_id = 'doomed'"));
        var survivor = Assert.Single((await kept.ReadAllAsync(Ct)).Members);
        Assert.Equal(2, survivor.Item1.SiloAddress.Endpoint.Port);
    }

    [Fact]
    public async Task ClientsSeeOnlyActiveSilosWithAGatewayAsGateways()
    {
        var db = await postgres.CreateMigratedDatabaseAsync();
        var table = await TableAsync(db, "gateways");
        var gateway = Entry(1, SiloStatus.Active, Now, Now);
        var noGateway = Entry(2, SiloStatus.Active, Now, Now);
        noGateway.ProxyPort = 0;
        await InsertAsync(table, gateway);
        await InsertAsync(table, noGateway);
        await InsertAsync(table, Entry(3, SiloStatus.Dead, Now, Now));
        await InsertAsync(table, Entry(4, SiloStatus.ShuttingDown, Now, Now));

        var provider = new AdoNetGatewayListProvider(
            NullLogger<AdoNetGatewayListProvider>.Instance,
            new ServiceCollection().BuildServiceProvider(),
            Options.Create(new AdoNetClusteringClientOptions { Invariant = "Npgsql", ConnectionString = db }),
            Options.Create(new GatewayOptions()),
            Options.Create(new ClusterOptions { ClusterId = "gateways", ServiceId = "membership-tests" }));
        await provider.InitializeGatewayListProviderAsync(Ct);
        var gateways = await provider.GetGatewaysAsync(Ct);

        var only = Assert.Single(gateways);
        Assert.Equal(SiloAddress.New(IPAddress.Loopback, gateway.ProxyPort, gateway.SiloAddress.Generation).ToGatewayUri(), only);
    }

    private static MembershipEntry Entry(int port, SiloStatus status, DateTime startTime, DateTime aliveTime) => new()
    {
        SiloAddress = SiloAddress.New(IPAddress.Loopback, port, 7),
        SiloName = $"silo-{port}",
        HostName = $"host-{port}",
        Status = status,
        ProxyPort = 30000 + port,
        StartTime = startTime,
        IAmAliveTime = aliveTime,
    };

    private static async Task InsertAsync(IMembershipTable table, MembershipEntry entry)
    {
        var version = (await table.ReadAllAsync(Ct)).Version;
        Assert.True(await table.InsertRowAsync(entry, version.Next(), Ct), $"insert of silo port {entry.SiloAddress.Endpoint.Port}");
    }

    private static async Task<IMembershipTable> TableAsync(string db, string clusterId)
    {
        var table = new AdoNetClusteringTable(
            new ServiceCollection().BuildServiceProvider(),
            Options.Create(new ClusterOptions { ClusterId = clusterId, ServiceId = "membership-tests" }),
            Options.Create(new AdoNetClusteringSiloOptions { Invariant = "Npgsql", ConnectionString = db }),
            NullLogger<AdoNetClusteringTable>.Instance);
        await table.InitializeMembershipTableAsync(tryInitTableVersion: true, Ct);
        return table;
    }
}
