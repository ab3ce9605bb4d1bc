using System.Globalization;

namespace Referral.LoadGen.Reporting;

/// <summary>The readable summary printed at the end of a run (the JSON file has everything).</summary>
public static class SummaryTable
{
    public static void Write(TextWriter output, BenchmarkReport report)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(report);
        var p = report.Parameters;
        Line(output, $"scenario {report.Scenario}: {p.Rooms} room(s) × {p.Players} players, {p.Questions} questions of {p.TimeLimitSeconds} s, {report.Machine.Cores} cores, {report.DurationSeconds:0} s");
        Line(output, $"{"metric",-38} {"product",14} {"bare",14} {"ratio",7}");
        var (a, b) = (report.Product, report.Baseline);
        Row(output, "seated / attempted", a is null ? "" : $"{a.Seating.Seated}/{a.Seating.Attempted}", b is null ? "" : $"{b.Seating.Seated}/{b.Seating.Attempted}", null);
        Row(output, "seat wall time (s)", a?.Seating.WallSeconds, b?.Seating.WallSeconds, report.Ratios?.SeatWall);
        Row(output, "seat p50 / p99 per player (ms)", a is null ? "" : $"{a.Seating.Total.P50:0}/{a.Seating.Total.P99:0}", b is null ? "" : $"{b.Seating.Total.P50:0}/{b.Seating.Total.P99:0}", null);
        Row(output, "  guest sign-in p50 (ms)", a?.Seating.SignIn.P50, b?.Seating.SignIn.P50, null);
        Row(output, "  connect p50 (ms)", a?.Seating.Connect.P50, b?.Seating.Connect.P50, null);
        Row(output, "  join p50 (ms)", a?.Seating.Join.P50, b?.Seating.Join.P50, null);
        Row(output, "question fan-out median (ms)", a?.FanoutMedianMs, b?.FanoutMedianMs, report.Ratios?.FanoutMedian);
        Row(output, "question time-to-last, median q (ms)", a?.TimeToLastMedianMs, b?.TimeToLastMedianMs, report.Ratios?.TimeToLastMedian);
        Row(output, "own result from close p50 (ms)", a?.ResultFromClose.P50, b?.ResultFromClose.P50, report.Ratios?.ResultFromCloseP50);
        Row(output, "own result from close max (ms)", a?.ResultFromClose.Max, b?.ResultFromClose.Max, null);
        Row(output, "answer ack p50 (ms)", a?.Ack.P50, b?.Ack.P50, null);
        Row(output, "answer ack p95 (ms)", a?.Ack.P95, b?.Ack.P95, null);
        Row(output, "answer ack p99 (ms)", a?.Ack.P99, b?.Ack.P99, report.Ratios?.AckP99);
        Row(output, "answers/s into one room (max q)", a?.AnswersPerSecondMax, b?.AnswersPerSecondMax, null);
        Row(output, "delivery ratio (lost)", a is null ? "" : $"{a.Delivery.Ratio:0.######} ({a.Delivery.Lost})", b is null ? "" : $"{b.Delivery.Ratio:0.######} ({b.Delivery.Lost})", null);
        Row(output, "score mismatches", a?.Scores?.Mismatches, null, null);
        Row(output, "server RSS per connection (KB)", a?.Server?.RssPerConnectionKb, b?.Server?.RssPerConnectionKb, report.Ratios?.RssPerConnection);
        Row(output, "server peak RSS (MB)", a?.Server is { } s1 ? s1.PeakRssKb / 1024 : null, b?.Server is { } s2 ? s2.PeakRssKb / 1024 : null, null);
        Row(output, "server CPU s seating / game", a?.Server is { } c1 ? $"{c1.CpuSecondsSeating:0.0}/{c1.CpuSecondsGame:0.0}" : "", b?.Server is { } c2 ? $"{c2.CpuSecondsSeating:0.0}/{c2.CpuSecondsGame:0.0}" : "", report.Ratios?.ServerCpuGame);
        Row(output, "generator CPU s seating / game", a is null ? "" : $"{a.Generator.CpuSecondsSeating:0.0}/{a.Generator.CpuSecondsGame:0.0}", b is null ? "" : $"{b.Generator.CpuSecondsSeating:0.0}/{b.Generator.CpuSecondsGame:0.0}", null);
        Row(output, "question frame (bytes)", a?.QuestionFrameBytes, b?.QuestionFrameBytes, null);
        foreach (var run in new[] { a, b }.OfType<RunMetrics>())
        {
            foreach (var q in run.PerQuestion)
            {
                Line(output, $"  {run.Target} q{q.Index}: delivered {q.Delivered}/{q.Expected}, fan-out p50 {q.Fanout.P50:0} p95 {q.Fanout.P95:0} last {q.TimeToLastMs:0} ms; results {q.ResultsDelivered}/{q.ResultsExpected} p50 {q.ResultFromClose.P50:0} max {q.ResultFromClose.Max:0} ms; answers {q.Accepted}/{q.AnswersSent} ack p99 {q.Ack.P99:0} ms, {q.AnswersPerSecond:0}/s");
            }

            Line(output, $"  {run.Target} events received: {string.Join(", ", run.EventsReceived.Select(e => $"{e.Key}={e.Value.Count}"))}");
            if (run.Errors.Count > 0)
            {
                Line(output, $"  {run.Target} errors: {string.Join(", ", run.Errors.Select(e => $"{e.Key}={e.Value}"))}");
            }
        }

        foreach (var t in report.Targets)
        {
            Line(output, $"{(t.Pass ? "PASS" : "FAIL")} {t.Name}: {t.Measured.ToString(CultureInfo.InvariantCulture)} vs {t.Limit.ToString(CultureInfo.InvariantCulture)} — {t.Rule}{(t.Note.Length > 0 ? " (" + t.Note + ")" : "")}");
        }

        Line(output, report.Pass ? "RESULT: PASS" : "RESULT: FAIL");
    }

    private static void Row(TextWriter output, string name, object? product, object? bare, double? ratio) =>
        Line(output, $"{name,-38} {Cell(product),14} {Cell(bare),14} {(ratio is double r && r > 0 ? r.ToString("0.00", CultureInfo.InvariantCulture) : ""),7}");

    private static string Cell(object? value) => value switch
    {
        null => "",
        double d => d.ToString("0.#", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static void Line(TextWriter output, string text) => output.WriteLine(text);
}
