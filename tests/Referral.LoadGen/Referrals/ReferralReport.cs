using Referral.LoadGen.Reporting;

namespace Referral.LoadGen.Referrals;

/// <summary>The JSON report of a <c>referrals</c> run (schema <c>referral-loadgen-referrals/1</c>, docs/benchmarks.md).</summary>
public sealed record ReferralReport(
    string Schema,
    DateTimeOffset StartedAt,
    LoadGenOptions Options,
    MachineInfo Machine,
    ReferralMetrics Product,
    bool Pass);
