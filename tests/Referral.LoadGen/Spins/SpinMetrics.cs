using Referral.LoadGen.Reporting;

namespace Referral.LoadGen.Spins;

/// <summary>
/// What a spins run measured: spin latency and throughput with <c>InFlight</c> requests at a time,
/// the same players' odds reads as a baseline, and the exactness checks (winners = stock taken, points paid = winners × prize, repeats identical).
/// </summary>
public sealed record SpinMetrics(
    int Players,
    int InFlight,
    int Stock,
    double SignInSeconds,
    double SpinSeconds,
    double SpinsPerSecond,
    Latency Spin,
    int Completed,
    int Winners,
    int StockLeft,
    long PointsPaid,
    long PrizePoints,
    int Repeats,
    int RepeatMismatches,
    IReadOnlyDictionary<string, int> Errors,
    bool StockExact,
    double ReadsPerSecond,
    Latency Read);
