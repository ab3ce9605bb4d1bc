using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Referral.Silo.Persistence;
using Referral.Testing;
using Xunit;

namespace Referral.Grains.Tests.Persistence;

[Collection(SharedPostgres.Name)]
public sealed class PostgresSchemaTests(PostgresServer postgres)
{
    private const string CoreScript = "Referral.Silo.Persistence.Sql.0001_orleans_core.sql";

    [Fact]
    public async Task AnEmptyDatabaseIsAtVersionZero()
    {
        var db = await postgres.CreateDatabaseAsync();

        Assert.Equal(0, await PostgresSchema.CurrentVersionAsync(db, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task ApplyingTwiceAppliesEachMigrationOnce()
    {
        var db = await postgres.CreateDatabaseAsync();
        var ct = TestContext.Current.CancellationToken;

        Assert.Equal(PostgresSchema.LatestVersion, await PostgresSchema.ApplyAsync(db, NullLogger.Instance, ct));
        Assert.Equal(0, await PostgresSchema.ApplyAsync(db, NullLogger.Instance, ct));

        Assert.Equal(PostgresSchema.LatestVersion, await PostgresSchema.CurrentVersionAsync(db, ct));
        var rows = await Db.RowsAsync(db, $"SELECT version, name, length(checksum) FROM {PostgresSchema.VersionTable} ORDER BY version");
        Assert.Equal(Enumerable.Range(1, PostgresSchema.LatestVersion), rows.Select(r => (int)r[0]));
        Assert.Equal([1, "orleans_core", 64], rows[0]);
        Assert.All(rows, r => Assert.Equal(64, r[2]));
    }

    [Fact]
    public async Task SilosStartingTogetherApplyTheSchemaExactlyOnce()
    {
        var db = await postgres.CreateDatabaseAsync();
        var ct = TestContext.Current.CancellationToken;

        var applied = await Task.WhenAll(Enumerable.Range(0, 4)
            .Select(_ => Task.Run(() => PostgresSchema.ApplyAsync(db, NullLogger.Instance, ct), ct)));

        Assert.Equal(PostgresSchema.LatestVersion, applied.Sum());
        Assert.Equal((long)PostgresSchema.LatestVersion, await Db.ScalarAsync<long>(db, $"SELECT count(*) FROM {PostgresSchema.VersionTable}"));
        Assert.Equal(PostgresSchema.LatestVersion, await PostgresSchema.CurrentVersionAsync(db, ct));
    }

    [Fact]
    public async Task AnEditedMigrationIsRefusedWithAMessageSayingWhatToDo()
    {
        var db = await postgres.CreateMigratedDatabaseAsync();
        await Db.ExecuteAsync(db, $"UPDATE {PostgresSchema.VersionTable} SET checksum = 'feedface' WHERE version = 1");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => PostgresSchema.ApplyAsync(db, NullLogger.Instance, TestContext.Current.CancellationToken));

        Assert.Contains("0001_orleans_core.sql", error.Message, StringComparison.Ordinal);
        Assert.Contains("checksum feedface", error.Message, StringComparison.Ordinal);
        Assert.Contains("never be edited", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADatabaseMigratedByANewerReleaseIsAccepted()
    {
        var db = await postgres.CreateMigratedDatabaseAsync();
        var newer = PostgresSchema.LatestVersion + 1;
        await Db.ExecuteAsync(db, $"INSERT INTO {PostgresSchema.VersionTable} (version, name, checksum) VALUES (@v, 'from_the_future', 'x')", ("v", newer));

        Assert.Equal(0, await PostgresSchema.ApplyAsync(db, NullLogger.Instance, TestContext.Current.CancellationToken));
        Assert.Equal(newer, await PostgresSchema.CurrentVersionAsync(db, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task ReRunningTheCoreScriptByHandChangesNothing()
    {
        var db = await postgres.CreateMigratedDatabaseAsync();
        var before = await QueryTextsAsync(db);

        await using (var connection = new NpgsqlConnection(db))
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var command = new NpgsqlCommand(await EmbeddedScriptAsync(), connection);
            await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        Assert.Equal(before, await QueryTextsAsync(db));
    }

    [Fact]
    public async Task EveryQueryKeyTheProvidersLoadIsInstalled()
    {
        var db = await postgres.CreateMigratedDatabaseAsync();
        var installed = (await QueryTextsAsync(db)).Keys.ToHashSet(StringComparer.Ordinal);

        string[] written = [.. OrleansQueryContract.Clustering, OrleansQueryContract.ClusteringOptionalCleanup,
            .. OrleansQueryContract.Persistence, .. OrleansQueryContract.Reminders];
        Assert.Empty(written.Except(installed));
        Assert.Equal(written.Order(), installed.Order());

        Assert.Empty(OrleansQueryContract.ClusteringDemandedByPackage().Except(installed));
        Assert.Empty(OrleansQueryContract.RemindersDemandedByPackage().Except(installed));
        Assert.Empty(OrleansQueryContract.PersistenceDemandedByPackage().Except(installed));
        // Guards the reflection above against silently finding nothing.
        Assert.Contains("CleanupDefunctSiloEntriesKey", OrleansQueryContract.ClusteringDemandedByPackage());
        Assert.Equal(7, OrleansQueryContract.RemindersDemandedByPackage().Count);
        Assert.Equal(4, OrleansQueryContract.PersistenceDemandedByPackage().Count);
    }

    [Fact]
    public async Task NoColumnStoresTimeWithoutAZone()
    {
        var db = await postgres.CreateMigratedDatabaseAsync();

        var columns = await Db.RowsAsync(db, """
            SELECT table_name || '.' || column_name, data_type
            FROM information_schema.columns
            WHERE table_schema = current_schema() AND data_type LIKE 'timestamp%'
            ORDER BY 1
            """);

        Assert.NotEmpty(columns);
        Assert.All(columns, c => Assert.Equal("timestamp with time zone", c[1]));
    }

    private static async Task<Dictionary<string, string>> QueryTextsAsync(string db)
    {
        var rows = await Db.RowsAsync(db, "SELECT QueryKey, QueryText FROM OrleansQuery");
        return rows.ToDictionary(r => (string)r[0], r => (string)r[1], StringComparer.Ordinal);
    }

    private static async Task<string> EmbeddedScriptAsync()
    {
        await using var stream = typeof(PostgresSchema).Assembly.GetManifestResourceStream(CoreScript)
            ?? throw new InvalidOperationException($"{CoreScript} is not embedded in the silo assembly.");
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync(TestContext.Current.CancellationToken);
    }
}
