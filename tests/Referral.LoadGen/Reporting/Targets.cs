namespace Referral.LoadGen.Reporting;

/// <summary>The targets of issue 5 (item 7), checked against one run's product and baseline metrics.</summary>
public static class Targets
{
    public const int TargetPlayers = 10_000;

    public static Ratios? RatiosOf(RunMetrics? product, RunMetrics? bare) =>
        product is null || bare is null
            ? null
            : new Ratios(
                Ratio(product.Seating.WallSeconds, bare.Seating.WallSeconds),
                Ratio(product.TimeToLastMedianMs, bare.TimeToLastMedianMs),
                Ratio(product.FanoutMedianMs, bare.FanoutMedianMs),
                Ratio(product.ResultFromClose.P50, bare.ResultFromClose.P50),
                Ratio(product.Ack.P99, bare.Ack.P99),
                Ratio(product.Server?.RssPerConnectionKb ?? 0, bare.Server?.RssPerConnectionKb ?? 0),
                Ratio(product.Server?.CpuSecondsGame ?? 0, bare.Server?.CpuSecondsGame ?? 0));

    public static List<TargetCheck> Check(RunMetrics? product, RunMetrics? bare)
    {
        var checks = new List<TargetCheck>();
        if (product is null)
        {
            return checks;
        }

        var players = product.Rooms * product.PlayersPerRoom;
        var scale = product.Rooms == 1 && product.PlayersPerRoom >= TargetPlayers
            ? ""
            : $"run with {product.Rooms} room(s) × {product.PlayersPerRoom}; the issue's target is 1 room × {TargetPlayers:N0}";
        checks.Add(new("all_seated", "every player seated (sign-in, connect, join)", product.Seating.Seated, product.Seating.Attempted, product.Seating.Seated == product.Seating.Attempted, ""));
        checks.Add(new("delivery", "100% of questions, own results and game ends delivered", product.Delivery.Ratio, 1, product.Delivery.Lost == 0 && product.Delivery.QuestionsExpected > 0, $"{product.Delivery.Lost} lost"));
        checks.Add(new("answers_accepted", "every answer sent in time accepted (planned late ones aside)", product.UnexpectedRefusals, 0, product.UnexpectedRefusals == 0, ""));
        if (product.Scores is { } scores)
        {
            checks.Add(new("scores", "received scores equal the recomputed ones", scores.Mismatches, 0, scores.Mismatches == 0, $"{scores.ValuesChecked} values checked"));
        }

        checks.Add(new("ack_p99", "answer acknowledgement p99 ≤ 250 ms", product.Ack.P99, 250, product.Ack.P99 <= 250 && product.Ack.Count > 0, scale));
        if (bare is not null)
        {
            var seatLimit = 2 * bare.Seating.WallSeconds;
            checks.Add(new("seat_vs_bare", "all seated within 2× the bare baseline's connect time (s)", product.Seating.WallSeconds, Math.Round(seatLimit, 2), product.Seating.WallSeconds <= seatLimit, scale));
            var lastLimit = 1.25 * bare.TimeToLastMedianMs;
            checks.Add(new("time_to_last_vs_bare", "median question time-to-last-player ≤ 1.25× bare (ms)", product.TimeToLastMedianMs, Math.Round(lastLimit, 1), product.TimeToLastMedianMs <= lastLimit, scale));
        }

        if (players >= 19_000)
        {
            checks.Add(new("connections_19000", "one node holds 19,000 connected players", product.Seating.Seated, 19_000, product.Seating.Seated >= 19_000, ""));
        }

        return checks;
    }

    private static double Ratio(double product, double bare) => bare <= 0 ? 0 : Math.Round(product / bare, 2);
}
