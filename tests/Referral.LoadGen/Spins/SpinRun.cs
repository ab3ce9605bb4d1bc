using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Referral.LoadGen.Hosting;

namespace Referral.LoadGen.Spins;

/// <summary>
/// The <c>spins</c> scenario: an admin creates a wheel whose only prize (100 points) has
/// <c>--stock</c> wins and the same weight as "nothing"; <c>--players</c> guests each spin once
/// (their daily free spin) over REST, <c>--batch</c> requests in flight; a tenth repeat their spin
/// id. Before the spins every player reads the wheel's odds once, as a baseline. Then the checks: winners = stock taken, stock left 0 when enough spun, points in all wallets
/// = winners × 100, every repeat identical.
/// </summary>
public sealed class SpinRun(LoadGenOptions options, Uri baseUrl, string adminEmail, string adminPassword, TextWriter log)
{
    private const long PrizePoints = 100;
    private readonly string _runId = Guid.NewGuid().ToString("N")[..10];

    public async Task<SpinMetrics> RunAsync(CancellationToken ct)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Math.Max(options.Batch, 16) })
        {
            BaseAddress = baseUrl,
            Timeout = TimeSpan.FromSeconds(60),
        };
        var errors = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var admin = await AdminToken(http, ct);
        var wheelId = "load-" + _runId;
        await Send(http, HttpMethod.Post, "api/admin/wheels", admin, new
        {
            id = wheelId,
            name = "Load wheel",
            segments = new object[]
            {
                new { id = "prize", label = "100 points", colour = "#ffd700", prize = new { kind = "Points", amount = PrizePoints }, weight = 1, stock = options.Stock, bigWin = true },
                new { id = "nothing", label = "Try again", colour = "#888888", prize = new { kind = "Nothing" }, weight = 1 },
            },
            freeSpinsPerDay = 1,
            dailyCap = 10,
        }, ct);

        var clock = Stopwatch.StartNew();
        var tokens = new string[options.Players];
        await ForEach(options.Players, options.Batch, async i =>
        {
            var guest = await Send(http, HttpMethod.Post, "api/auth/guest", null, new { displayName = $"Spinner {i}", deviceId = $"spin-{_runId}-{i:D8}", locale = "en" }, ct);
            tokens[i] = guest.GetProperty("accessToken").GetString()!;
        });
        var signIn = clock.Elapsed.TotalSeconds;
        log.WriteLine($"{options.Players} guests signed in in {signIn:F1} s; spinning {wheelId} with {options.Batch} in flight");

        // Baseline within the run: one authenticated read of the wheel per player (HTTP, token,
        // session check, one grain call), at the same concurrency as the spins.
        var reads = new double[options.Players];
        clock.Restart();
        await ForEach(options.Players, options.Batch, async i =>
        {
            var one = Stopwatch.StartNew();
            await Send(http, HttpMethod.Get, $"api/wheels/{wheelId}/odds", tokens[i], null, ct);
            reads[i] = one.Elapsed.TotalMilliseconds;
        });
        var readSeconds = clock.Elapsed.TotalSeconds;

        var latencies = new double[options.Players];
        var results = new JsonElement?[options.Players];
        clock.Restart();
        await ForEach(options.Players, options.Batch, async i =>
        {
            var one = Stopwatch.StartNew();
            try
            {
                results[i] = await Send(http, HttpMethod.Post, $"api/wheels/{wheelId}/spins", tokens[i], new { spinId = "load" }, ct);
            }
            catch (HttpRequestException ex)
            {
                errors.AddOrUpdate(ex.Message.Split(':')[0], 1, (_, n) => n + 1);
            }

            latencies[i] = one.Elapsed.TotalMilliseconds;
        });
        var spinSeconds = clock.Elapsed.TotalSeconds;

        var repeats = 0;
        var mismatches = 0;
        await ForEach(options.Players / 10, options.Batch, async i =>
        {
            if (results[i] is not { } first)
            {
                return;
            }

            var again = await Send(http, HttpMethod.Post, $"api/wheels/{wheelId}/spins", tokens[i], new { spinId = "load" }, ct);
            Interlocked.Increment(ref repeats);
            if (again.GetProperty("roll").GetString() != first.GetProperty("roll").GetString()
                || again.GetProperty("segmentId").GetString() != first.GetProperty("segmentId").GetString())
            {
                Interlocked.Increment(ref mismatches);
            }
        });

        long points = 0;
        await ForEach(options.Players, options.Batch, async i =>
        {
            var wallet = await Send(http, HttpMethod.Get, "api/me/wallet", tokens[i], null, ct);
            Interlocked.Add(ref points, wallet.GetProperty("balances").GetProperty("points").GetInt64());
        });

        var odds = await Send(http, HttpMethod.Get, $"api/wheels/{wheelId}/odds", admin, null, ct);
        var stockLeft = odds.GetProperty("segments")[0].GetProperty("remaining").GetInt32();
        var completed = results.Count(r => r is not null);
        var winners = results.Count(r => r?.GetProperty("segmentId").GetString() == "prize");
        var exact = winners == options.Stock - stockLeft && points == winners * PrizePoints && winners <= options.Stock;
        return new SpinMetrics(
            options.Players, options.Batch, options.Stock, Math.Round(signIn, 2), Math.Round(spinSeconds, 2),
            Math.Round(completed / spinSeconds, 1), Reporting.Latency.Of(latencies.Where((_, i) => results[i] is not null)),
            completed, winners, stockLeft, points, PrizePoints, repeats, mismatches, new Dictionary<string, int>(errors), exact,
            Math.Round(options.Players / readSeconds, 1), Reporting.Latency.Of(reads));
    }

    private Task<string> AdminToken(HttpClient http, CancellationToken ct) => RestCalls.AdminToken(http, adminEmail, adminPassword, ct);

    private static Task<JsonElement> Send(HttpClient http, HttpMethod method, string path, string? token, object? body, CancellationToken ct) =>
        RestCalls.Send(http, method, path, token, body, ct);

    private static Task ForEach(int count, int inFlight, Func<int, Task> body) => RestCalls.ForEach(count, inFlight, body);
}
