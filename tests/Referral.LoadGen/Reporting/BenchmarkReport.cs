namespace Referral.LoadGen.Reporting;

/// <summary>
/// The JSON document a run writes with <c>--out</c> (schema <c>referral-loadgen/1</c>, described in
/// docs/benchmarks.md): parameters, machine, the product's metrics, the bare baseline's from the
/// same run, their ratios, and each target of issue 5 with pass or fail.
/// </summary>
public sealed record BenchmarkReport(
    string Schema,
    string Scenario,
    DateTimeOffset StartedAt,
    double DurationSeconds,
    LoadGenOptions Parameters,
    MachineInfo Machine,
    RunMetrics? Product,
    RunMetrics? Baseline,
    Ratios? Ratios,
    IReadOnlyList<TargetCheck> Targets,
    bool Pass);

/// <summary>The machine the run shared between server and generator.</summary>
public sealed record MachineInfo(int Cores, string CpuModel, long MemoryMb, string Os, string Runtime, string OpenFileLimit);

/// <summary>Product ÷ bare, from the same run on the same machine (lower is better; 1 = as fast as the bare hub).</summary>
public sealed record Ratios(double SeatWall, double TimeToLastMedian, double FanoutMedian, double ResultFromCloseP50, double AckP99, double RssPerConnection, double ServerCpuGame);

/// <summary>One target of issue 5: what was measured, the limit, and whether it held.</summary>
public sealed record TargetCheck(string Name, string Rule, double Measured, double Limit, bool Pass, string Note);
