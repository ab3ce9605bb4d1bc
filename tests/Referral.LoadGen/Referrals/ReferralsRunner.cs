using Referral.LoadGen.Hosting;

namespace Referral.LoadGen.Referrals;

/// <summary>Runs the <c>referrals</c> scenario against a started api (or <c>--url</c>) and assembles its report.</summary>
public static class ReferralsRunner
{
    public static async Task<ReferralReport> RunAsync(LoadGenOptions options, TextWriter log, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(log);
        var startedAt = DateTimeOffset.UtcNow;
        await using var server = await ApiServer.StartAsync(options, log, ct);
        var metrics = await new ReferralRun(options, server.Url, options.StartServer ? server.Mode : "external", log).RunAsync(ct);
        var pass = metrics.Exact && metrics.Errors.Count == 0;
        return new ReferralReport("referral-loadgen-referrals/1", startedAt, options, LoadGenRunner.Machine(), metrics, pass);
    }

    public static void WriteSummary(TextWriter output, ReferralReport report)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(report);
        var m = report.Product;
        output.WriteLine($"referrals ({m.Mode}): {m.Signups} signups over {m.Referrers} referrers, cap {m.Cap}, target {m.TargetRate}/s");
        output.WriteLine($"signup without code: {m.BaselineSignupsPerSecond:F1}/s, p50 {m.BaselineSignup.P50}, p95 {m.BaselineSignup.P95}, p99 {m.BaselineSignup.P99} ms");
        output.WriteLine($"signup with code:    {m.SignupsPerSecond:F1}/s, p50 {m.Signup.P50}, p95 {m.Signup.P95}, p99 {m.Signup.P99} ms (p99 ratio {m.RatioP99:F2})");
        output.WriteLine($"settled {m.SettleSeconds:F2} s after the last signup; rewarded {m.Rewarded}/{m.ExpectedRewarded}, over cap {m.RejectedCap}, milestones {m.MilestonesPaid}");
        output.WriteLine($"points: referrers {m.ReferrerPoints}/{m.ExpectedReferrerPoints}, friends {m.FriendPoints}/{m.ExpectedFriendPoints}, campaign spent {m.CampaignSpent}; exact: {m.Exact}");
        output.WriteLine($"errors: {(m.Errors.Count == 0 ? "none" : string.Join(", ", m.Errors.Select(e => $"{e.Key}={e.Value}")))}");
        output.WriteLine(report.Pass ? "PASS" : "FAIL");
    }
}
