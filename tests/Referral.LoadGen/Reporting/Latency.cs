namespace Referral.LoadGen.Reporting;

/// <summary>A latency distribution in milliseconds (nearest-rank percentiles); all zero when empty.</summary>
public sealed record Latency(int Count, double Min, double P50, double P95, double P99, double Max, double Mean)
{
    public static readonly Latency Empty = new(0, 0, 0, 0, 0, 0, 0);

    public static Latency Of(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return Empty;
        }

        double At(double p) => Math.Round(sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)], 1);
        return new Latency(sorted.Length, Math.Round(sorted[0], 1), At(0.50), At(0.95), At(0.99), Math.Round(sorted[^1], 1), Math.Round(sorted.Average(), 1));
    }
}
