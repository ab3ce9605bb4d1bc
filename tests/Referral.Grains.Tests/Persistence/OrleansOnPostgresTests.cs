using Referral.Grains.Abstractions.Diagnostics;
using Referral.Testing;
using Xunit;

namespace Referral.Grains.Tests.Persistence;

/// <summary>
/// A real silo and client with every Orleans store on the migrated schema: the end-to-end proof
/// that the named queries are what the providers need.
/// </summary>
[Collection(SharedPostgres.Name)]
public sealed class OrleansOnPostgresTests(PostgresServer postgres)
{
    private const int Active = 3;
    private const int Dead = 6;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ProbeStateAndMembershipSurviveASiloRestart()
    {
        var db = await postgres.CreateMigratedDatabaseAsync();
        var key = "restart-" + Guid.NewGuid().ToString("N");

        ProbeView written;
        int firstPort;
        await using (var first = await PostgresSilo.StartAsync(db, "restart", "referral-tests", Ct))
        {
            firstPort = first.SiloPort;
            var probe = first.Client.GetGrain<IProbeGrain>(key);
            await probe.Write("one");
            written = await probe.Write("two");
            Assert.Equal(2, written.Writes);

            Assert.Equal([(firstPort, Active)], await SilosAsync(db, "restart"));
            Assert.Equal(2, await Db.ScalarAsync<int>(db,
                "SELECT version FROM orleans_grain_state WHERE service_id = 'referral-tests' AND grain_id_extension LIKE @key",
                ("key", "%" + key)));

            await first.StopAsync(Ct);
            Assert.Equal([(firstPort, Dead)], await SilosAsync(db, "restart"));
        }

        await using var second = await PostgresSilo.StartAsync(db, "restart", "referral-tests", Ct);
        var read = await second.Client.GetGrain<IProbeGrain>(key).Read();

        Assert.Equal("two", read.Value);
        Assert.Equal(2, read.Writes);
        Assert.Equal(written.UpdatedAt, read.UpdatedAt);
        Assert.NotEqual(written.Silo, read.Silo);
        var silos = (await SilosAsync(db, "restart")).ToHashSet();
        Assert.True(silos.SetEquals([(firstPort, Dead), (second.SiloPort, Active)]), $"membership rows: {string.Join(", ", silos)}");
    }

    [Fact]
    public async Task AGrainsReminderIsStoredAndOutlivesTheSilo()
    {
        var db = await postgres.CreateMigratedDatabaseAsync();
        var key = "reminder-" + Guid.NewGuid().ToString("N");
        var period = TimeSpan.FromMinutes(10);

        await using (var first = await PostgresSilo.StartAsync(db, "reminders", "referral-tests", Ct))
        {
            await first.Client.GetGrain<IReminderProbeGrain>(key).Register("nightly", TimeSpan.FromHours(1), period);
            await first.StopAsync(Ct);
        }

        var rows = await Db.RowsAsync(db, "SELECT grain_id, reminder_name, period_ms, version FROM orleans_reminder WHERE service_id = 'referral-tests'");
        var row = Assert.Single(rows);
        Assert.EndsWith("/" + key, (string)row[0], StringComparison.Ordinal);
        Assert.Equal(["nightly", (long)period.TotalMilliseconds, 0], row[1..]);

        await using var second = await PostgresSilo.StartAsync(db, "reminders", "referral-tests", Ct);
        var grain = second.Client.GetGrain<IReminderProbeGrain>(key);
        Assert.True(await grain.Has("nightly"), "the reminder registered before the restart");
        await grain.Unregister("nightly");
        Assert.Equal(0L, await Db.ScalarAsync<long>(db, "SELECT count(*) FROM orleans_reminder"));
    }

    private static async Task<List<(int Port, int Status)>> SilosAsync(string db, string clusterId)
    {
        var rows = await Db.RowsAsync(db, "SELECT port, status FROM orleans_membership WHERE deployment_id = @cluster", ("cluster", clusterId));
        return [.. rows.Select(r => ((int)r[0], (int)r[1]))];
    }
}
