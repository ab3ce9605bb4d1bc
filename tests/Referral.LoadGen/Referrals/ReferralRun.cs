using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Referral.LoadGen.Hosting;
using Referral.LoadGen.Reporting;

namespace Referral.LoadGen.Referrals;

/// <summary>
/// The <c>referrals</c> scenario. An admin creates a signup-qualifying campaign (referrer 10
/// points, friend 5 points, a 100-point milestone at 10 referrals, a cap of <c>--cap</c> per
/// referrer, no velocity limit); <c>--referrers</c> guests take their codes. Then, paced at
/// <c>--rate</c> signups a second: half as many registrations without a code (the baseline in the
/// same run), and <c>--players</c> registrations with a code, round-robin over the referrers, each
/// from its own user agent and device fingerprint. Every referral pays on signup, so the run ends
/// when every referrer's page has settled; then wallets, pages and the campaign must match the
/// rules exactly.
/// </summary>
public sealed class ReferralRun(LoadGenOptions options, Uri baseUrl, string mode, TextWriter log)
{
    private const long ReferrerPoints = 10;
    private const long FriendPoints = 5;
    private const int MilestoneAt = 10;
    private const long MilestonePoints = 100;
    private const string Password = "load-referral-passphrase-1";
    private readonly string _runId = Guid.NewGuid().ToString("N")[..10];

    public async Task<ReferralMetrics> RunAsync(CancellationToken ct)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Math.Max(options.Batch, 16) })
        {
            BaseAddress = baseUrl,
            Timeout = TimeSpan.FromSeconds(120),
        };
        var errors = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var admin = await RestCalls.AdminToken(http, options.AdminEmail, options.AdminPassword, ct);
        var campaign = await RestCalls.Send(http, HttpMethod.Post, "api/admin/campaigns", admin, new
        {
            name = "Load " + _runId,
            qualifyingEvent = "Signup",
            perReferrerCap = options.Cap,
            maxSignupsPerReferrerPerHour = 0,
            referrerRewards = new[] { new { currency = "points", amount = ReferrerPoints } },
            refereeRewards = new[] { new { currency = "points", amount = FriendPoints } },
            milestones = new[] { new { referrals = MilestoneAt, bonus = new[] { new { currency = "points", amount = MilestonePoints } } } },
        }, ct);
        var campaignId = campaign.GetProperty("id").GetGuid();
        await RestCalls.Send(http, HttpMethod.Post, $"api/admin/campaigns/{campaignId}/status", admin, new { status = "Active" }, ct);

        var referrerTokens = new string[options.Referrers];
        var codes = new string[options.Referrers];
        await RestCalls.ForEach(options.Referrers, options.Batch, async i =>
        {
            var guest = await RestCalls.Send(http, HttpMethod.Post, "api/auth/guest", null,
                new { displayName = $"Referrer {i}", deviceId = $"ref-{_runId}-{i:D6}", locale = "en" }, ct);
            referrerTokens[i] = guest.GetProperty("accessToken").GetString()!;
            var page = await RestCalls.Send(http, HttpMethod.Get, $"api/me/referrals/{campaignId}", referrerTokens[i], null,
                Headers($"referrer-{i}"), ct);
            codes[i] = page.GetProperty("code").GetString()!;
        });
        log.WriteLine($"campaign {campaignId} active; {options.Referrers} referrers have codes");

        var baselineCount = Math.Max(1, options.Players / 2);
        var (baselineLatency, baselineRate, _) = await Signups(http, baselineCount, i => null, "base", errors, ct);
        log.WriteLine($"baseline: {baselineCount} signups without a code at {baselineRate:F1}/s, p99 {baselineLatency.P99} ms");
        var (latency, rate, friendTokens) = await Signups(http, options.Players, i => codes[i % options.Referrers], "friend", errors, ct);
        log.WriteLine($"product: {options.Players} signups with a code at {rate:F1}/s, p99 {latency.P99} ms");

        // Every referral pays on signup; wait until every referrer's page accounts for every friend.
        var expectedPerReferrer = Enumerable.Range(0, options.Referrers)
            .Select(r => Enumerable.Range(0, options.Players).Count(i => i % options.Referrers == r)).ToArray();
        var settle = Stopwatch.StartNew();
        var pages = new JsonElement[options.Referrers];
        while (true)
        {
            await RestCalls.ForEach(options.Referrers, options.Batch, async r =>
                pages[r] = await RestCalls.Send(http, HttpMethod.Get, $"api/me/referrals/{campaignId}?take=100", referrerTokens[r], null, Headers($"referrer-{r}"), ct));
            var settled = Enumerable.Range(0, options.Referrers).All(r =>
                pages[r].GetProperty("friendsTotal").GetInt32() == expectedPerReferrer[r]
                && pages[r].GetProperty("rewarded").GetInt32() == Math.Min(expectedPerReferrer[r], options.Cap));
            if (settled || settle.Elapsed > TimeSpan.FromMinutes(5))
            {
                break;
            }

            await Task.Delay(250, ct);
        }

        var settleSeconds = settle.Elapsed.TotalSeconds;
        var rewarded = pages.Sum(p => p.GetProperty("rewarded").GetInt32());
        var expectedRewarded = expectedPerReferrer.Sum(n => Math.Min(n, options.Cap));
        var milestones = expectedPerReferrer.Count(n => Math.Min(n, options.Cap) >= MilestoneAt);
        long referrerPoints = 0;
        await RestCalls.ForEach(options.Referrers, options.Batch, async r =>
            Interlocked.Add(ref referrerPoints, (await Wallet(http, referrerTokens[r], ct))));
        long friendPoints = 0;
        await RestCalls.ForEach(friendTokens.Length, options.Batch, async i =>
        {
            if (friendTokens[i] is { } token)
            {
                Interlocked.Add(ref friendPoints, await Wallet(http, token, ct));
            }
        });
        var view = await RestCalls.Send(http, HttpMethod.Get, $"api/admin/campaigns/{campaignId}", admin, null, ct);
        var spent = view.GetProperty("spent").TryGetProperty("points", out var p) ? p.GetInt64() : 0;
        var expectedReferrerPoints = (expectedRewarded * ReferrerPoints) + (milestones * MilestonePoints);
        var expectedFriendPoints = expectedRewarded * FriendPoints;
        var exact = rewarded == expectedRewarded
            && view.GetProperty("rewardedReferrals").GetInt32() == expectedRewarded
            && referrerPoints == expectedReferrerPoints
            && friendPoints == expectedFriendPoints
            && spent == expectedReferrerPoints + expectedFriendPoints;
        return new ReferralMetrics(
            mode, options.Players, options.Referrers, options.Cap, options.Rate,
            Math.Round(baselineRate, 1), baselineLatency, Math.Round(rate, 1), latency,
            baselineLatency.P99 > 0 ? Math.Round(latency.P99 / baselineLatency.P99, 2) : 0,
            Math.Round(settleSeconds, 2), rewarded, expectedRewarded, options.Players - expectedRewarded,
            referrerPoints, expectedReferrerPoints, friendPoints, expectedFriendPoints, spent, milestones,
            new Dictionary<string, int>(errors), exact);
    }

    /// <summary>Registrations paced at the target rate, <c>--batch</c> at most in flight; returns latency, achieved rate and tokens.</summary>
    private async Task<(Latency Latency, double Rate, string?[] Tokens)> Signups(
        HttpClient http, int count, Func<int, string?> code, string prefix, ConcurrentDictionary<string, int> errors, CancellationToken ct)
    {
        var latencies = new double?[count];
        var tokens = new string?[count];
        using var gate = new SemaphoreSlim(options.Batch);
        var clock = Stopwatch.StartNew();
        var tasks = new List<Task>(count);
        for (var i = 0; i < count; i++)
        {
            if (options.Rate > 0)
            {
                var due = TimeSpan.FromSeconds((double)i / options.Rate);
                if (due > clock.Elapsed)
                {
                    await Task.Delay(due - clock.Elapsed, ct);
                }
            }

            await gate.WaitAsync(ct);
            var index = i;
            tasks.Add(Task.Run(async () =>
            {
                try
                {
                    var one = Stopwatch.StartNew();
                    var body = await RestCalls.Send(http, HttpMethod.Post, "api/auth/register", null, new
                    {
                        email = $"{prefix}-{_runId}-{index:D7}@loadgen.test",
                        password = Password,
                        displayName = $"Friend {index}",
                        locale = "en",
                        referralCode = code(index),
                    }, Headers($"{prefix}-{index}"), ct);
                    latencies[index] = one.Elapsed.TotalMilliseconds;
                    tokens[index] = body.GetProperty("accessToken").GetString();
                }
                catch (HttpRequestException ex)
                {
                    errors.AddOrUpdate(ex.Message.Split(':')[0], 1, (_, n) => n + 1);
                }
                finally
                {
                    gate.Release();
                }
            }, ct));
        }

        await Task.WhenAll(tasks);
        var seconds = clock.Elapsed.TotalSeconds;
        var done = latencies.Where(l => l is not null).Select(l => l!.Value).ToList();
        return (Latency.Of(done), done.Count / seconds, tokens);
    }

    private static async Task<long> Wallet(HttpClient http, string token, CancellationToken ct) =>
        (await RestCalls.Send(http, HttpMethod.Get, "api/me/wallet", token, null, ct)).GetProperty("balances").GetProperty("points").GetInt64();

    /// <summary>Each simulated person has their own browser: user agent and device fingerprint.</summary>
    private Dictionary<string, string> Headers(string who) => new()
    {
        ["User-Agent"] = $"LoadGen/{_runId} ({who})",
        ["X-Client-Fingerprint"] = string.Create(CultureInfo.InvariantCulture, $"fp-{_runId}-{who}"),
    };
}
