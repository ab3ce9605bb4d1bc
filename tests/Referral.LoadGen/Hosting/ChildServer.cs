using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace Referral.LoadGen.Hosting;

/// <summary>
/// A server the tool started itself (the product api, or the bare baseline hub) as a child
/// process on a free loopback port. It is stopped by its own PID, never by name.
/// </summary>
public sealed class ChildServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _tail = new();

    private ChildServer(Process process, Uri url)
    {
        _process = process;
        Url = url;
    }

    public Uri Url { get; }

    public int Pid => _process.Id;

    public string OutputTail => string.Join(Environment.NewLine, _tail);

    /// <summary>
    /// The product api from its Release build output, single-node memory mode, with the rate
    /// limits raised so thousands of guests can sign in from one IP, and plain HTTP on loopback.
    /// </summary>
    public static Task<ChildServer> StartApiAsync(string apiDll, CancellationToken ct) => StartApiAsync(apiDll, null, ct);

    /// <summary>
    /// As above; with <paramref name="connectionString"/>, durable mode on that PostgreSQL
    /// database (grain state, reminders and membership there; keys generated for this run).
    /// </summary>
    public static Task<ChildServer> StartApiAsync(string apiDll, string? connectionString, CancellationToken ct)
    {
        if (!File.Exists(apiDll))
        {
            throw new FileNotFoundException($"{apiDll} is missing: run 'dotnet build api -c Release' first (or pass --api-dll).");
        }

        var port = FreePort.Next();
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["Urls"] = $"http://127.0.0.1:{port}",
            ["Orleans__SiloPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            ["Orleans__GatewayPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            ["Orleans__ClusterId"] = "loadgen-" + Guid.NewGuid().ToString("N")[..8],
            ["Security__RequireHttps"] = "false",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information",
            ["Auth__Admins__0"] = AdminEmail,
        };
        foreach (var (key, value) in RaisedRateLimits)
        {
            environment[key] = value;
        }

        if (connectionString is not null)
        {
            environment["ConnectionStrings__Referral"] = connectionString;
            environment["DataProtection__MasterKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
            environment["Auth__AccountKeySecret"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
            environment["Auth__SigningKeys__0__Id"] = "loadgen-1";
            environment["Auth__SigningKeys__0__Key"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        }

        return StartAsync(apiDll, [], environment, port, "health/ready", ct);
    }

    /// <summary>The admin of a started api (the spins scenario creates its wheel as this user).</summary>
    public const string AdminEmail = "admin@loadgen.test";

    /// <summary>The settings that lift the per-IP and per-user limits for a benchmark run from one IP.</summary>
    public static IReadOnlyDictionary<string, string> RaisedRateLimits { get; } = new Dictionary<string, string>
    {
        ["RateLimits__Guest__PermitLimit"] = "1000000",
        ["RateLimits__Register__PermitLimit"] = "100000",
        ["RateLimits__Login__PermitLimit"] = "100000",
        ["RateLimits__LoginPerAccount__PermitLimit"] = "100000",
        ["RateLimits__Refresh__PermitLimit"] = "100000",
        ["RateLimits__Credentials__PermitLimit"] = "100000",
        ["RateLimits__Authenticated__PermitLimit"] = "1000000",
        // Up to --batch players connect and sign in at once, all from 127.0.0.1.
        ["Auth__AnonymousHubConnectionsPerAddress"] = "100000",
    };

    /// <summary>The bare baseline hub: this tool's own assembly run with the hidden <c>bare-server</c> scenario.</summary>
    public static Task<ChildServer> StartBareAsync(CancellationToken ct)
    {
        var port = FreePort.Next();
        var self = typeof(ChildServer).Assembly.Location;
        var environment = new Dictionary<string, string>
        {
            // The api runs with server GC (the Web SDK default), without DATAS and without
            // dynamic PGO (ServerRuntime.props): the baseline does too. The api's two other GC
            // settings (no background GC, gen0 capped) are not applied here: they lower the
            // product's cost, and the baseline keeps the runtime's defaults for them, so no
            // product setting can make the baseline slower.
            ["DOTNET_gcServer"] = "1",
            ["DOTNET_GCDynamicAdaptationMode"] = "0",
            ["DOTNET_TieredPGO"] = "0",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        return StartAsync(self, ["bare-server", "--port", port.ToString(CultureInfo.InvariantCulture)], environment, port, "health", ct);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            // SIGTERM first (graceful shutdown), by PID; SIGKILL if it lingers.
            using (var term = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                await term.WaitForExitAsync();
            }

            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            try
            {
                await _process.WaitForExitAsync(wait.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: false);
                await _process.WaitForExitAsync(CancellationToken.None);
            }
        }

        _process.Dispose();
    }

    private static async Task<ChildServer> StartAsync(string dll, string[] arguments, Dictionary<string, string> environment, int port, string readyPath, CancellationToken ct)
    {
        var info = new ProcessStartInfo("dotnet", [dll, .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var server = new ChildServer(process, new Uri($"http://127.0.0.1:{port}/"));
        process.OutputDataReceived += (_, e) => server.Record(e.Data);
        process.ErrorDataReceived += (_, e) => server.Record(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient { BaseAddress = server.Url, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(90))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{Path.GetFileName(dll)} exited with {process.ExitCode} during start-up:{Environment.NewLine}{server.OutputTail}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri(readyPath, UriKind.Relative), ct);
                if (response.IsSuccessStatusCode)
                {
                    return server;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(250, ct);
        }

        await server.DisposeAsync();
        throw new TimeoutException($"{Path.GetFileName(dll)} was not ready within 90 s:{Environment.NewLine}{server.OutputTail}");
    }

    private void Record(string? line)
    {
        if (line is null)
        {
            return;
        }

        _tail.Enqueue(line);
        while (_tail.Count > 200)
        {
            _tail.TryDequeue(out _);
        }
    }
}
