using Referral.LoadGen.Hosting;

namespace Referral.LoadGen.Spins;

/// <summary>Runs the <c>spins</c> scenario against a started api (or <c>--url</c>) and assembles its report.</summary>
public static class SpinsRunner
{
    public static async Task<SpinReport> RunAsync(LoadGenOptions options, TextWriter log, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(log);
        var startedAt = DateTimeOffset.UtcNow;
        await using var server = await ApiServer.StartAsync(options, log, ct);
        var metrics = await new SpinRun(options, server.Url, options.AdminEmail, options.AdminPassword, log).RunAsync(ct);
        var pass = metrics.StockExact && metrics.RepeatMismatches == 0 && metrics.Errors.Count == 0 && metrics.Completed == metrics.Players;
        return new SpinReport("referral-loadgen-spins/1", startedAt, options, LoadGenRunner.Machine(), metrics, pass);
    }

    public static void WriteSummary(TextWriter output, SpinReport report)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(report);
        var m = report.Product;
        output.WriteLine($"spins: {m.Completed}/{m.Players} in {m.SpinSeconds:F2} s = {m.SpinsPerSecond:F1} spins/s with {m.InFlight} in flight");
        output.WriteLine($"latency ms: p50 {m.Spin.P50}, p95 {m.Spin.P95}, p99 {m.Spin.P99}, max {m.Spin.Max}");
        output.WriteLine($"baseline odds reads: {m.ReadsPerSecond:F1}/s, p50 {m.Read.P50}, p99 {m.Read.P99} ms");
        output.WriteLine($"stock {m.Stock}: {m.Winners} winners, {m.StockLeft} left, {m.PointsPaid} points paid ({m.PrizePoints} each); exact: {m.StockExact}");
        output.WriteLine($"repeats: {m.Repeats}, mismatches {m.RepeatMismatches}; errors: {(m.Errors.Count == 0 ? "none" : string.Join(", ", m.Errors.Select(e => $"{e.Key}={e.Value}")))}");
        output.WriteLine(report.Pass ? "PASS" : "FAIL");
    }
}
