using Referral.LoadGen.Reporting;

namespace Referral.LoadGen.Spins;

/// <summary>The JSON report of a <c>spins</c> run.</summary>
public sealed record SpinReport(
    string Schema,
    DateTimeOffset StartedAt,
    LoadGenOptions Options,
    MachineInfo Machine,
    SpinMetrics Product,
    bool Pass);
