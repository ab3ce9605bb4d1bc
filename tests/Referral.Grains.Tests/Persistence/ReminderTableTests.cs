using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.Hosting;
using Referral.Testing;
using Xunit;

namespace Referral.Grains.Tests.Persistence;

/// <summary>The reminder queries driven through the real ADO.NET reminder table provider.</summary>
[Collection(SharedPostgres.Name)]
public sealed class ReminderTableTests(PostgresServer postgres)
{
    private static readonly DateTime Start = new(2030, 1, 2, 3, 4, 5, 678, DateTimeKind.Utc);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task UpsertsVersionTheReminderAndRemovalNeedsTheCurrentVersion()
    {
        var db = await postgres.CreateMigratedDatabaseAsync();
        await using var services = Services(db, "versions");
        var table = await StartAsync(services);
        var grain = GrainId.Create("reminder-test", "versions");
        var daily = new ReminderEntry { GrainId = grain, ReminderName = "daily", StartAt = Start, Period = TimeSpan.FromMinutes(5) };

        Assert.Equal("0", await table.UpsertRow(daily, Ct));
        // Beyond int.MaxValue milliseconds the provider sends the period as a bigint.
        daily.Period = TimeSpan.FromDays(30);
        Assert.Equal("1", await table.UpsertRow(daily, Ct));
        await table.UpsertRow(new ReminderEntry { GrainId = grain, ReminderName = "hourly", StartAt = Start, Period = TimeSpan.FromHours(1) }, Ct);

        var read = await table.ReadRow(grain, "daily", Ct);
        Assert.NotNull(read);
        Assert.Equal(grain, read.GrainId);
        Assert.Equal(Start, read.StartAt);
        Assert.Equal(TimeSpan.FromDays(30), read.Period);
        Assert.Equal("1", read.ETag);
        Assert.Equal(["daily", "hourly"], (await table.ReadRows(grain, Ct)).Reminders.Select(r => r.ReminderName).Order());

        Assert.False(await table.RemoveRow(grain, "daily", "0", Ct), "removal with stale version 0");
        Assert.True(await table.RemoveRow(grain, "daily", "1", Ct), "removal with current version 1");
        Assert.Null(await table.ReadRow(grain, "daily", Ct));
        Assert.Equal("hourly", Assert.Single((await table.ReadRows(grain, Ct)).Reminders).ReminderName);
    }

    [Fact]
    public async Task RangeReadsReturnExactlyTheRemindersInTheRingSlice()
    {
        var db = await postgres.CreateMigratedDatabaseAsync();
        await using var services = Services(db, "ring");
        var table = await StartAsync(services);
        var grains = Enumerable.Range(0, 48).Select(i => GrainId.Create("reminder-test", $"ring-{i}")).ToList();
        foreach (var grain in grains)
        {
            await table.UpsertRow(new ReminderEntry { GrainId = grain, ReminderName = "r", StartAt = Start, Period = TimeSpan.FromMinutes(1) }, Ct);
        }

        var hashes = grains.Select(g => g.GetUniformHashCode()).ToList();
        var random = new Random(20240611);
        var slices = new List<(uint Begin, uint End)>
        {
            (0, 0),
            (0x7FFF_FFF0, 0x8000_0010),
            (0xFFFF_FFF0, 0x0000_0010),
            (0x8000_0000, 0x7FFF_FFFF),
            (0x7FFF_FFFF, 0x8000_0000),
            (hashes[0], hashes[0]),
            (hashes[1] - 1, hashes[1]),
            (hashes[2], hashes[3]),
            (hashes[3], hashes[2]),
        };
        slices.AddRange(Enumerable.Range(0, 40).Select(_ => ((uint)random.NextInt64(0, 1L << 32), (uint)random.NextInt64(0, 1L << 32))));

        foreach (var (begin, end) in slices)
        {
            var expected = grains.Where(g => InSlice(g.GetUniformHashCode(), begin, end)).Select(g => g.ToString()).Order().ToList();
            var actual = (await table.ReadRows(begin, end, Ct)).Reminders.Select(r => r.GrainId.ToString()).Order().ToList();
            Assert.True(expected.SequenceEqual(actual), $"slice ({begin:X8}, {end:X8}]: expected {expected.Count} reminders, got {actual.Count}");
        }
    }

    [Fact]
    public async Task ClearingTheTableRemovesOnlyThisServicesReminders()
    {
        var db = await postgres.CreateMigratedDatabaseAsync();
        await using var mineServices = Services(db, "mine");
        await using var theirsServices = Services(db, "theirs");
        var mine = await StartAsync(mineServices);
        var theirs = await StartAsync(theirsServices);
        var grain = GrainId.Create("reminder-test", "shared-key");
        await mine.UpsertRow(new ReminderEntry { GrainId = grain, ReminderName = "r", StartAt = Start, Period = TimeSpan.FromMinutes(1) }, Ct);
        await theirs.UpsertRow(new ReminderEntry { GrainId = grain, ReminderName = "r", StartAt = Start, Period = TimeSpan.FromMinutes(2) }, Ct);

        await mine.TestOnlyClearTable(Ct);

        Assert.Empty((await mine.ReadRows(grain, Ct)).Reminders);
        Assert.Equal(TimeSpan.FromMinutes(2), Assert.Single((await theirs.ReadRows(grain, Ct)).Reminders).Period);
    }

    // The ring slice (begin, end] walking up from begin with wrap-around; begin == end is the whole ring.
    private static bool InSlice(uint hash, uint begin, uint end) =>
        begin < end ? hash > begin && hash <= end : hash > begin || hash <= end;

    private static ServiceProvider Services(string db, string serviceId) =>
        new ServiceCollection()
            .Configure<ClusterOptions>(o =>
            {
                o.ServiceId = serviceId;
                o.ClusterId = "reminder-tests";
            })
            .UseAdoNetReminderService(o => o.Configure(r =>
            {
                r.Invariant = "Npgsql";
                r.ConnectionString = db;
            }))
            .BuildServiceProvider();

    private static async Task<IReminderTable> StartAsync(IServiceProvider services)
    {
        var table = services.GetRequiredService<IReminderTable>();
        await table.StartAsync(Ct);
        return table;
    }
}
