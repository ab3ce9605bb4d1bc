using System.Diagnostics;
using System.Runtime;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using Referral.LoadGen.Hosting;
using Referral.LoadGen.Reporting;
using Referral.LoadGen.Scenarios;

namespace Referral.LoadGen;

/// <summary>
/// Runs a scenario: the product (unless the scenario is <c>baseline</c>), then the bare hub with
/// the same parameters (unless <c>--no-baseline</c>), and assembles the report. Servers the tool
/// started are stopped by PID before the next one starts, so the two runs do not share the cores.
/// </summary>
public static class LoadGenRunner
{
    public static readonly JsonSerializerOptions ReportJson = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    public static async Task<BenchmarkReport> RunAsync(LoadGenOptions options, TextWriter log, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Scenario == "ingest")
        {
            // Everyone answers the moment the question arrives: the room grain's ingestion rate.
            options = options with { ThinkMinMs = 0, ThinkMaxMs = 0, LatePercent = 0 };
        }

        var startedAt = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        RunMetrics? product = null, bare = null;
        if (options.Scenario != "baseline")
        {
            product = await RunProductAsync(options, log, ct);
        }

        if (options.Baseline || options.Scenario == "baseline")
        {
            var payload = options.PayloadBytes ?? (product is { QuestionFrameBytes: > 0 } ? (int)product.QuestionFrameBytes : 450);
            await using var server = await ChildServer.StartBareAsync(ct);
            log.WriteLine($"bare hub started, pid {server.Pid}, {server.Url}, question frame {payload} bytes");
            var bareTarget = new BareTarget(server.Url, payload);
            await WarmUpAsync(options, bareTarget, server.Pid, log, ct);
            bare = await new GameRun(options, bareTarget, server.Pid, log).RunAsync(ct);
        }

        var targets = Targets.Check(product, bare);
        return new BenchmarkReport(
            "referral-loadgen/1",
            options.Scenario,
            startedAt,
            Math.Round(clock.Elapsed.TotalSeconds, 1),
            options,
            Machine(),
            product,
            bare,
            Targets.RatiosOf(product, bare),
            targets,
            targets.Count > 0 && targets.All(t => t.Pass));
    }

    private static async Task<RunMetrics> RunProductAsync(LoadGenOptions options, TextWriter log, CancellationToken ct)
    {
        ChildServer? server = null;
        try
        {
            if (options.StartServer)
            {
                server = await ChildServer.StartApiAsync(options.ApiDll ?? DefaultApiDll(), ct);
                log.WriteLine($"api started, pid {server.Pid}, {server.Url}");
            }

            var url = server?.Url ?? options.Url ?? throw new ArgumentException("pass --url of a running api, or --start-server.");
            using var target = new ProductTarget(url, Math.Max(options.Batch, 16), options.GuestSignIn);
            await WarmUpAsync(options, target, server?.Pid ?? options.ServerPid, log, ct);
            return await new GameRun(options, target, server?.Pid ?? options.ServerPid, log).RunAsync(ct);
        }
        finally
        {
            if (server is not null)
            {
                await server.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// Short games (one room, <see cref="LoadGenOptions.Warmup"/> players, one question; <see cref="LoadGenOptions.WarmupRounds"/> of them) on the
    /// target before the measured run, its metrics dropped: a fresh .NET process spends much of
    /// its first seconds in the JIT's tiered compilation, which is start-up, not the server's cost.
    /// Then both processes are let settle (<see cref="SettleAsync"/>), so that the tier-up the
    /// warm-up triggered is not billed to the measured seating of whichever target runs first.
    /// </summary>
    private static async Task WarmUpAsync(LoadGenOptions options, IGameTarget target, int? serverPid, TextWriter log, CancellationToken ct)
    {
        if (options.Warmup == 0)
        {
            return;
        }

        var warm = options with { Rooms = 1, Players = options.Warmup, Questions = 1, RevealMs = 0, ThinkMinMs = 0, ThinkMaxMs = 1000 };
        for (var round = 1; round <= options.WarmupRounds; round++)
        {
            var metrics = await new GameRun(warm, target, null, TextWriter.Null).RunAsync(ct);
            var settled = await SettleAsync(serverPid, ct);
            log.WriteLine($"[{DateTime.Now:HH:mm:ss.f}] {target.Name}: warm-up game {round}/{options.WarmupRounds} of {options.Warmup} players played ({metrics.Seating.Seated} seated; not measured), {settled}");
        }
    }

    /// <summary>
    /// Waits, at most <see cref="SettleLimit"/>, until this generator compiled no method for a
    /// whole <see cref="SettleQuiet"/> (two at most: timers) and the server (when its PID is
    /// known) used under 15 % of a core over that window: the background tier-1 compilation of
    /// the code the warm-up made hot is done, and the warm-up's garbage collected. Says how long
    /// it took.
    /// </summary>
    private static async Task<string> SettleAsync(int? serverPid, CancellationToken ct)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var clock = Stopwatch.StartNew();
        var methods = JitInfo.GetCompiledMethodCount();
        var serverCpu = serverPid is { } pid ? ProcSampler.TryRead(pid)?.CpuSeconds : null;
        var compiledAtStart = methods;
        while (clock.Elapsed < SettleLimit)
        {
            await Task.Delay(SettleQuiet, ct);
            var nowMethods = JitInfo.GetCompiledMethodCount();
            var nowCpu = serverPid is { } p ? ProcSampler.TryRead(p)?.CpuSeconds : null;
            var serverQuiet = serverCpu is null || nowCpu is null || nowCpu - serverCpu < 0.15 * SettleQuiet.TotalSeconds;
            if (nowMethods - methods <= 2 && serverQuiet)
            {
                return $"settled in {clock.Elapsed.TotalSeconds:0.0} s ({methods - compiledAtStart} methods compiled meanwhile)";
            }

            methods = nowMethods;
            serverCpu = nowCpu;
        }

        return $"not settled after {SettleLimit.TotalSeconds:0} s ({methods - compiledAtStart} methods compiled meanwhile)";
    }

    private static readonly TimeSpan SettleQuiet = TimeSpan.FromSeconds(1);

    private static readonly TimeSpan SettleLimit = TimeSpan.FromSeconds(20);

    /// <summary>api/bin/Release/net10.0/Referral.Api.dll of the repository this tool was built in.</summary>
    internal static string DefaultApiDll()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Referral.Orleans.sln")))
            {
                return Path.Combine(dir.FullName, "api", "bin", "Release", "net10.0", "Referral.Api.dll");
            }
        }

        throw new FileNotFoundException("Referral.Orleans.sln not found above the tool's directory: pass --api-dll.");
    }

    internal static MachineInfo Machine()
    {
        static string Field(string file, string prefix) =>
            File.Exists(file) ? File.ReadLines(file).FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal))?[prefix.Length..].Trim(' ', '\t', ':') ?? "" : "";

        var memory = Field("/proc/meminfo", "MemTotal").Replace("kB", "", StringComparison.Ordinal).Trim();
        return new MachineInfo(
            Environment.ProcessorCount,
            Field("/proc/cpuinfo", "model name"),
            long.TryParse(memory, out var kb) ? kb / 1024 : 0,
            RuntimeInformation.OSDescription,
            RuntimeInformation.FrameworkDescription,
            string.Join(' ', Field("/proc/self/limits", "Max open files").Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(2)));
    }
}
