using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Referral.Silo.Persistence;
using Xunit;

namespace Referral.Testing;

/// <summary>
/// A throwaway PostgreSQL server from the Debian binaries: its own data directory, a free loopback
/// port, trust authentication, durability switched off for speed. Share one per test collection
/// (<c>ICollectionFixture&lt;PostgresServer&gt;</c>) and give each test its own database.
/// </summary>
public sealed partial class PostgresServer : IAsyncLifetime
{
    private const string Superuser = "postgres";
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(60);

    private string? _directory;
    private string? _binDirectory;
    private bool _started;

    /// <summary>The TCP port on 127.0.0.1 the server listens on.</summary>
    public int Port { get; private set; }

    /// <summary>The server's major version, from the binaries' directory.</summary>
    public int MajorVersion { get; private set; }

    private string DataDirectory => Path.Combine(Root, "data");

    private string LogFile => Path.Combine(Root, "server.log");

    private string Root => _directory ?? throw new InvalidOperationException("The PostgreSQL server has not been initialised.");

    private string Bin => _binDirectory ?? throw new InvalidOperationException("The PostgreSQL server has not been initialised.");

    public async ValueTask InitializeAsync()
    {
        try
        {
            await StartAsync();
        }
        catch
        {
            // Leave no server or directory behind, whether or not xUnit disposes a failed fixture.
            await DisposeAsync();
            throw;
        }
    }

    private async Task StartAsync()
    {
        (_binDirectory, MajorVersion) = FindBinaries();

        // Short path: the Unix socket lives in this directory and socket paths are capped at ~107 bytes.
        _directory = Path.Combine(Path.GetTempPath(), "referral-pg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(_directory);
        if (IsRoot())
        {
            // initdb refuses to run as root; the server runs as postgres on a directory it owns.
            await RunAsync("chown", [Superuser + ":" + Superuser, _directory], asPostgres: false);
        }

        await RunAsync(Path.Combine(Bin, "initdb"),
            ["-D", DataDirectory, "-A", "trust", "-U", Superuser, "--encoding=UTF8", "--locale=C", "--no-sync"]);

        Port = FreeLoopbackPort();
        var options = string.Join(' ',
            $"-p {Port.ToString(CultureInfo.InvariantCulture)}",
            $"-k {_directory}",
            "-c listen_addresses=127.0.0.1",
            "-c fsync=off",
            "-c synchronous_commit=off",
            "-c full_page_writes=off",
            "-c max_connections=200",
            // Not UTC, and not a whole hour: a query that compares timestamptz with a timestamp
            // parameter (or casts through the session zone) fails here rather than in production.
            "-c TimeZone=Asia/Kolkata");
        try
        {
            // Set first: a start that timed out may still have left a server running to stop.
            _started = true;
            await RunAsync(Path.Combine(Bin, "pg_ctl"), ["-w", "-t", "60", "-D", DataDirectory, "-o", options, "-l", LogFile, "start"]);
            await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
            await connection.OpenAsync();
        }
        catch (Exception ex)
        {
            throw new InvalidOperationException($"PostgreSQL {MajorVersion} did not start on port {Port}: {ex.Message}{Environment.NewLine}Server log (tail):{Environment.NewLine}{LogTail()}", ex);
        }
    }

    /// <summary>A connection string for <paramref name="database"/> on this server, as the superuser.</summary>
    public string ConnectionString(string database)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(database);
        return new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = Port,
            Username = Superuser,
            Database = database,
            IncludeErrorDetail = true,
            // Every test has its own database, hence its own pool, and all share max_connections:
            // give idle connections back quickly so finished tests do not hold the server's slots.
            MaxPoolSize = 50,
            ConnectionIdleLifetime = 5,
            ConnectionPruningInterval = 1,
        }.ConnectionString;
    }

    /// <summary>Creates an empty database (a unique name unless given) and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string? name = null)
    {
        name ??= "t_" + Guid.NewGuid().ToString("N")[..20];
        if (!ValidDatabaseName().IsMatch(name))
        {
            throw new ArgumentException($"Database name '{name}' must be lower-case letters, digits and underscores.", nameof(name));
        }

        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await create.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    /// <summary>Creates a database and applies the product's schema to it.</summary>
    public async Task<string> CreateMigratedDatabaseAsync()
    {
        var connectionString = await CreateDatabaseAsync();
        await PostgresSchema.ApplyAsync(connectionString, NullLogger.Instance, CancellationToken.None);
        return connectionString;
    }

    public async ValueTask DisposeAsync()
    {
        if (_directory is null)
        {
            return;
        }

        // Idle pooled connections would only log errors once the server is gone.
        NpgsqlConnection.ClearAllPools();
        if (_started)
        {
            try
            {
                await RunAsync(Path.Combine(Bin, "pg_ctl"), ["-w", "-t", "30", "-D", DataDirectory, "-m", "immediate", "stop"]);
            }
            catch (InvalidOperationException)
            {
                // pg_ctl failed or hung: kill the postmaster it started, or it outlives the test run.
                KillPostmaster();
            }
        }

        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp directory must not fail the test run.
        }
        catch (UnauthorizedAccessException)
        {
        }

        _directory = null;
    }

    private void KillPostmaster()
    {
        try
        {
            var pidLine = File.ReadLines(Path.Combine(DataDirectory, "postmaster.pid")).FirstOrDefault();
            if (int.TryParse(pidLine, NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                using var postmaster = Process.GetProcessById(pid);
                postmaster.Kill(entireProcessTree: true);
            }
        }
        catch (Exception ex) when (ex is IOException or ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // Already gone (no pid file, no such process): nothing left to stop.
        }
    }

    private static (string Bin, int Major) FindBinaries()
    {
        const string root = "/usr/lib/postgresql";
        var candidates = Directory.Exists(root)
            ? Directory.GetDirectories(root)
                .Select(dir => (Dir: dir, Major: int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var major) ? major : -1))
                .Where(c => c.Major > 0 && File.Exists(Path.Combine(c.Dir, "bin", "pg_ctl")) && File.Exists(Path.Combine(c.Dir, "bin", "initdb")))
                .OrderByDescending(c => c.Major)
                .ToList()
            : [];
        if (candidates.Count == 0)
        {
            throw new InvalidOperationException(
                "PostgreSQL server binaries not found: install the Debian package `postgresql` (apt-get install -y postgresql)");
        }

        return (Path.Combine(candidates[0].Dir, "bin"), candidates[0].Major);
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static bool IsRoot() =>
        string.Equals(Environment.UserName, "root", StringComparison.Ordinal) || EffectiveUserId() == 0;

    // /proc instead of P/Invoke to geteuid(): LibraryImport would need unsafe code in this project.
    private static int? EffectiveUserId()
    {
        const string status = "/proc/self/status";
        if (!File.Exists(status))
        {
            return null;
        }

        // The line lists the real, effective, saved and filesystem user ids, in that order.
        var uid = File.ReadLines(status).FirstOrDefault(line => line.StartsWith("Uid:", StringComparison.Ordinal));
        var fields = uid?.Split((char[])['\t', ' '], StringSplitOptions.RemoveEmptyEntries);
        return fields is { Length: > 2 } && int.TryParse(fields[2], NumberStyles.None, CultureInfo.InvariantCulture, out var effective) ? effective : null;
    }

    [GeneratedRegex("^[a-z0-9_]{1,63}$")]
    private static partial Regex ValidDatabaseName();

    private string LogTail()
    {
        try
        {
            var lines = File.ReadAllLines(LogFile);
            return string.Join(Environment.NewLine, lines.TakeLast(40));
        }
        catch (IOException ex)
        {
            return $"(no server log: {ex.Message})";
        }
    }

    private static Task RunAsync(string program, IReadOnlyList<string> arguments) => RunAsync(program, arguments, asPostgres: IsRoot());

    private static async Task RunAsync(string program, IReadOnlyList<string> arguments, bool asPostgres)
    {
        var info = new ProcessStartInfo
        {
            FileName = asPostgres ? "runuser" : program,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        if (asPostgres)
        {
            foreach (var prefix in new[] { "-u", Superuser, "--", program })
            {
                info.ArgumentList.Add(prefix);
            }
        }

        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        // The postgres user cannot enter the test's working directory when that is root's home.
        info.WorkingDirectory = Path.GetTempPath();
        var output = new StringBuilder();
        using var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        var commandLine = $"{info.FileName} {string.Join(' ', info.ArgumentList)}";
        if (!process.Start())
        {
            throw new InvalidOperationException($"Could not start `{commandLine}`.");
        }

        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(CommandTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"`{commandLine}` did not finish within {CommandTimeout.TotalSeconds:0} s. Output:{Environment.NewLine}{Snapshot(output)}");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"`{commandLine}` exited with {process.ExitCode}. Output:{Environment.NewLine}{Snapshot(output)}");
        }
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private static string Snapshot(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }
}
