using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Referral.Silo.Persistence;

/// <summary>
/// Brings a PostgreSQL database up to the schema this build expects: the tables and named queries
/// of the Orleans ADO.NET providers (clustering, grain state, reminders), written by us.
/// </summary>
/// <remarks>
/// Migrations are the embedded scripts <c>Persistence/Sql/NNNN_name.sql</c>, applied in version
/// order, each in its own transaction together with its row in <see cref="VersionTable"/>. Every
/// silo runs this at start-up; a database-wide advisory lock makes the silos queue, so exactly one
/// applies a migration and the others find it recorded. An applied script must never change:
/// its checksum is recorded, and a mismatch stops start-up.
/// </remarks>
public static partial class PostgresSchema
{
    /// <summary>The table recording applied migrations.</summary>
    public const string VersionTable = "referral_schema_migrations";

    private const string ResourcePrefix = "Referral.Silo.Persistence.Sql.";

    // Advisory locks are keyed by one bigint per database, shared with anything else that uses
    // them; this value ("Referral" in ASCII) must stay the same in every release so old and new
    // silos queue on the same lock during a rolling upgrade.
    private const long MigrationLockKey = 0x5265_6665_7272_616C;

    private const string CreateVersionTableSql = $"""
        CREATE TABLE IF NOT EXISTS {VersionTable}
        (
            version    integer     NOT NULL PRIMARY KEY,
            name       text        NOT NULL,
            checksum   text        NOT NULL,
            applied_at timestamptz NOT NULL DEFAULT now()
        )
        """;

    private static readonly Lazy<IReadOnlyList<Migration>> Embedded = new(LoadEmbeddedMigrations);

    /// <summary>The version of the newest migration embedded in this build.</summary>
    public static int LatestVersion => Embedded.Value[^1].Version;

    /// <summary>
    /// Applies every embedded migration not yet recorded in the database.
    /// </summary>
    /// <returns>How many migrations this call applied (0 when the database was up to date).</returns>
    /// <exception cref="InvalidOperationException">
    /// A recorded migration's checksum differs from the embedded script's.
    /// </exception>
    public static async Task<int> ApplyAsync(string connectionString, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        ArgumentNullException.ThrowIfNull(logger);

        var migrations = Embedded.Value;
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);

        var applied = 0;
        foreach (var migration in migrations)
        {
            // One transaction per migration, the lock taken inside it: the lock is released at
            // commit or rollback (or when the connection dies), never left behind on a pooled
            // connection, and whoever waited re-reads the version table after the winner's commit.
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await LockAsync(connection, transaction, logger, cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, transaction, CreateVersionTableSql, cancellationToken).ConfigureAwait(false);

            var recorded = await RecordedChecksumAsync(connection, transaction, migration.Version, cancellationToken).ConfigureAwait(false);
            if (recorded is not null)
            {
                if (!string.Equals(recorded, migration.Checksum, StringComparison.Ordinal))
                {
                    throw new InvalidOperationException(
                        $"Schema migration {migration.FileName} was applied to this database with checksum {recorded}, " +
                        $"but the script embedded in this build has checksum {migration.Checksum}. An applied migration must " +
                        "never be edited: restore the original script and put the change in a new migration with the next number.");
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                continue;
            }

            LogApplying(logger, migration.Version, migration.Name);
            var elapsed = Stopwatch.StartNew();
            try
            {
                await ExecuteAsync(connection, transaction, migration.Script, cancellationToken).ConfigureAwait(false);
            }
            catch (PostgresException ex)
            {
                throw new InvalidOperationException(
                    $"Schema migration {migration.FileName} failed and was rolled back: {ex.MessageText} (SQLSTATE {ex.SqlState}).", ex);
            }

            await RecordAsync(connection, transaction, migration, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            LogApplied(logger, migration.Version, migration.Name, elapsed.ElapsedMilliseconds);
            applied++;
        }

        var current = await CurrentVersionAsync(connection, cancellationToken).ConfigureAwait(false);
        if (current > LatestVersion)
        {
            // A newer release migrated this database (rolling upgrade or rollback). Migrations are
            // meant to be additive, so running on is right; an operator should know, though.
            LogDatabaseAhead(logger, current, LatestVersion);
        }
        else
        {
            LogUpToDate(logger, current, applied);
        }

        return applied;
    }

    /// <summary>The highest migration version recorded in the database, 0 when none is.</summary>
    public static async Task<int> CurrentVersionAsync(string connectionString, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await CurrentVersionAsync(connection, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<int> CurrentVersionAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        // Two statements, because a query naming a missing table fails at parse time even when a
        // CASE would never evaluate it.
        await using (var exists = new NpgsqlCommand($"SELECT to_regclass('{VersionTable}') IS NOT NULL", connection))
        {
            if (!(bool)(await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!)
            {
                return 0;
            }
        }

        await using var max = new NpgsqlCommand($"SELECT coalesce(max(version), 0) FROM {VersionTable}", connection);
        return (int)(await max.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    private static async Task LockAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, ILogger logger, CancellationToken cancellationToken)
    {
        await using var tryLock = new NpgsqlCommand("SELECT pg_try_advisory_xact_lock(@key)", connection, transaction);
        tryLock.Parameters.AddWithValue("key", MigrationLockKey);
        if ((bool)(await tryLock.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!)
        {
            return;
        }

        LogWaitingForLock(logger);
        await using var wait = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key)", connection, transaction)
        {
            // Another silo may be running a long migration; waiting is the point, and the caller's
            // token (not a 30 s command timeout) decides when to give up.
            CommandTimeout = 0,
        };
        wait.Parameters.AddWithValue("key", MigrationLockKey);
        await wait.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<string?> RecordedChecksumAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, int version, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"SELECT checksum FROM {VersionTable} WHERE version = @version", connection, transaction);
        command.Parameters.AddWithValue("version", version);
        return (string?)await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task RecordAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Migration migration, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"INSERT INTO {VersionTable} (version, name, checksum) VALUES (@version, @name, @checksum)", connection, transaction);
        command.Parameters.AddWithValue("version", migration.Version);
        command.Parameters.AddWithValue("name", migration.Name);
        command.Parameters.AddWithValue("checksum", migration.Checksum);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        // No timeout: a migration that rewrites a large table legitimately takes long.
        await using var command = new NpgsqlCommand(sql, connection, transaction) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static List<Migration> LoadEmbeddedMigrations()
    {
        var assembly = typeof(PostgresSchema).Assembly;
        var migrations = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            if (!resource.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            {
                continue;
            }

            var fileName = resource[ResourcePrefix.Length..];
            var match = MigrationFileName().Match(fileName);
            if (!match.Success)
            {
                throw new InvalidOperationException(
                    $"Embedded SQL script {fileName} is not named NNNN_name.sql (four digits, lower-case name); rename it so its order is explicit.");
            }

            migrations.Add(Load(assembly, resource, fileName, int.Parse(match.Groups["version"].Value, CultureInfo.InvariantCulture), match.Groups["name"].Value));
        }

        migrations.Sort((a, b) => a.Version.CompareTo(b.Version));
        for (var i = 0; i < migrations.Count; i++)
        {
            if (migrations[i].Version != i + 1)
            {
                throw new InvalidOperationException(
                    $"Schema migrations must be numbered 0001, 0002, ... without gaps or duplicates; found {migrations[i].FileName} at position {i + 1}.");
            }
        }

        return migrations.Count > 0
            ? migrations
            : throw new InvalidOperationException($"No embedded schema migrations under {ResourcePrefix} in {assembly.GetName().Name}.");
    }

    private static Migration Load(Assembly assembly, string resource, string fileName, int version, string name)
    {
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Embedded resource {resource} cannot be opened.");
        using var reader = new StreamReader(stream, Encoding.UTF8);

        // Hash the text with LF line ends: a checkout that turned them into CRLF must not look like
        // an edited migration.
        var script = reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal);
        var checksum = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(script)));
        return new Migration(version, name, fileName, script, checksum);
    }

    [GeneratedRegex(@"^(?<version>[0-9]{4})_(?<name>[a-z0-9_]+)\.sql$", RegexOptions.CultureInvariant)]
    private static partial Regex MigrationFileName();

    private sealed record Migration(int Version, string Name, string FileName, string Script, string Checksum);
}
