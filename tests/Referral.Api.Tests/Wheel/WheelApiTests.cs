using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Streams;
using Referral.Api.Tests.Auth;
using Referral.Grains.Abstractions;
using Referral.Grains.Abstractions.Wheel;
using Referral.Testing;
using Xunit;

namespace Referral.Api.Tests.Wheel;

/// <summary>Wheels over HTTP and the hub in single-node mode: admin validation, spins, live feed, fairness, verify.</summary>
public sealed class WheelApiTests(ReferralApiFactory api) : IClassFixture<ReferralApiFactory>
{
    private static readonly string[] OnlyCode = ["COUPON-0001"];
    private static readonly string[] MoreCodes = ["COUPON-0002", "COUPON-0003"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static object Wheel(string id, int jackpotStock, string? poolId = null) => new
    {
        id,
        name = "Launch wheel",
        segments = new object[]
        {
            new { id = "jackpot", label = "1000 points", colour = "#FFD700", prize = new { kind = "Points", amount = 1000 }, weight = 1_000_000, stock = jackpotStock, bigWin = true },
            poolId is null
                ? new { id = "nothing", label = "Try again", colour = "#888888", prize = new { kind = "Nothing" }, weight = 1 }
                : new { id = "coupon", label = "Coupon", colour = "#888888", prize = (object)new { kind = "Code", poolId }, weight = 1 },
        },
        freeSpinsPerDay = 1,
        dailyCap = 5,
        costPerSpin = 1,
    };

    [Fact]
    public async Task InvalidWheelsAreRefusedNamingEveryField()
    {
        using var admin = api.CreateHttpClient(await api.AdminAsync(Ct));

        await ProblemAssert.Is(await admin.PostAsJsonAsync("api/admin/wheels", new { id = "No Good" }, Ct), HttpStatusCode.BadRequest, "validation_failed", "id");
        await ProblemAssert.Is(
            await admin.PostAsJsonAsync("api/admin/wheels", new { id = "bad-wheel", name = "", segments = Array.Empty<object>(), costPerSpin = 0 }, Ct),
            HttpStatusCode.BadRequest, "validation_failed", "name", "segments", "costPerSpin");
        await ProblemAssert.Is(
            await admin.PostAsJsonAsync("api/admin/wheels", Wheel("pool-less", 1, poolId: "no-such-pool"), Ct),
            HttpStatusCode.BadRequest, "validation_failed", "segments[1].prize.poolId");
        await ProblemAssert.Is(await admin.GetAsync(new Uri("api/admin/wheels/never-made", UriKind.Relative), Ct), HttpStatusCode.NotFound, "wheel_not_found");

        var id = "dup-" + Guid.NewGuid().ToString("N")[..8];
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("api/admin/wheels", Wheel(id, 1), Ct)).StatusCode);
        await ProblemAssert.Is(await admin.PostAsJsonAsync("api/admin/wheels", Wheel(id, 1), Ct), HttpStatusCode.Conflict, "wheel_exists");
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync(new Uri($"api/admin/wheels/{id}", UriKind.Relative), Ct)).StatusCode);
        await ProblemAssert.Is(await admin.GetAsync(new Uri($"api/admin/wheels/{id}", UriKind.Relative), Ct), HttpStatusCode.NotFound, "wheel_not_found");
    }

    [Fact]
    public async Task ASpinPaysOnceBroadcastsStockAndBigWinsToWatchersAndVerifiesAfterRotation()
    {
        using var admin = api.CreateHttpClient(await api.AdminAsync(Ct));
        var id = "live-" + Guid.NewGuid().ToString("N")[..8];
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("api/admin/wheels", Wheel(id, 1), Ct)).StatusCode);

        using var anonymous = api.CreateHttpClient();
        var watcherUser = await anonymous.GuestAsync(ct: Ct);
        var player = await anonymous.GuestAsync(ct: Ct);
        using var http = api.CreateHttpClient(player);

        // The analytics stream a referral engine would read.
        var spun = new ConcurrentQueue<WheelSpun>();
        var analytics = api.Services.GetRequiredService<IClusterClient>().GetStreamProvider(StorageNames.StreamProvider)
            .GetStream<WheelSpun>(StreamId.Create(StreamNamespaces.Analytics, "wheel"));
        var subscription = await analytics.SubscribeAsync((e, _) =>
        {
            spun.Enqueue(e);
            return Task.CompletedTask;
        });

        await using var watcher = api.CreateHubConnection(watcherUser);
        var events = new ConcurrentQueue<(string Name, JsonElement Payload)>();
        watcher.On<JsonElement>("wheelStockChanged", p => events.Enqueue(("stock", p.Clone())));
        watcher.On<JsonElement>("wheelBigWin", p => events.Enqueue(("bigWin", p.Clone())));
        await watcher.StartAsync(Ct);
        var watched = await watcher.InvokeAsync<JsonElement>("WatchWheel", id, Ct);
        Assert.Equal(1, watched.GetProperty("segments")[0].GetProperty("remaining").GetInt32());

        var before = await http.GetFromJsonAsync<JsonElement>($"api/wheels/{id}", Ct);
        var publishedHash = before.GetProperty("fairness").GetProperty("serverSeedHash").GetString();
        Assert.Equal(1, before.GetProperty("freeSpinsLeft").GetInt32());
        Assert.Equal(1_000_000.0 / 1_000_001, before.GetProperty("wheel").GetProperty("segments")[0].GetProperty("probability").GetDouble(), 12);

        var first = await http.PostAsJsonAsync($"api/wheels/{id}/spins", new { spinId = "first" }, Ct);
        var result = await first.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(first.StatusCode == HttpStatusCode.OK, result.ToString());
        Assert.Equal("jackpot", result.GetProperty("segmentId").GetString());
        var repeat = await http.PostAsJsonAsync($"api/wheels/{id}/spins", new { spinId = "first" }, Ct);
        Assert.Equal(result.GetProperty("roll").GetString(), (await repeat.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("roll").GetString());

        var wallet = await http.GetFromJsonAsync<JsonElement>("api/me/wallet", Ct);
        Assert.Equal(1000, wallet.GetProperty("balances").GetProperty("points").GetInt64());

        await WaitFor(() => events.Count >= 2 && !spun.IsEmpty, "stock change, big win and WheelSpun");
        var stock = events.Single(e => e.Name == "stock").Payload;
        Assert.Equal(0, stock.GetProperty("remaining").GetInt32());
        Assert.Equal(1.0, stock.GetProperty("odds").GetProperty("segments")[1].GetProperty("probability").GetDouble());
        Assert.Equal("jackpot", events.Single(e => e.Name == "bigWin").Payload.GetProperty("segmentId").GetString());
        Assert.DoesNotContain(player.Id.ToString(), string.Join(" ", events.Select(e => e.Payload.ToString())), StringComparison.OrdinalIgnoreCase);
        var spunEvent = Assert.Single(spun);
        Assert.Equal((player.Id, id, "first"), (spunEvent.UserId, spunEvent.WheelId, spunEvent.SpinId));
        await subscription.UnsubscribeAsync();

        // The jackpot is gone: the odds now say so, and the next (paid) spin needs a token.
        var odds = await http.GetFromJsonAsync<JsonElement>($"api/wheels/{id}/odds", Ct);
        Assert.Equal(0.0, odds.GetProperty("segments")[0].GetProperty("probability").GetDouble());
        await ProblemAssert.Is(await http.PostAsJsonAsync($"api/wheels/{id}/spins", new { spinId = "second" }, Ct), HttpStatusCode.Conflict, "insufficient_spins");
        await ProblemAssert.Is(await http.PostAsJsonAsync($"api/wheels/{id}/spins", new { spinId = "bad id!" }, Ct), HttpStatusCode.BadRequest, "validation_failed", "spinId");

        // Rotation reveals the seed; anyone can recompute the spin with the verifier.
        var rotated = await (await http.PostAsync(new Uri("api/me/wheel/seed/rotate", UriKind.Relative), null, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(publishedHash, rotated.GetProperty("revealedServerSeedHash").GetString());
        var history = await http.GetFromJsonAsync<JsonElement>("api/me/wheel/spins", Ct);
        var past = history.GetProperty("spins")[0];
        var seed = past.GetProperty("serverSeed").GetString();
        Assert.Equal(rotated.GetProperty("revealedServerSeed").GetString(), seed);
        var verify = await anonymous.PostAsJsonAsync("api/wheel/verify", new
        {
            serverSeed = seed,
            clientSeed = past.GetProperty("clientSeed").GetString(),
            nonce = past.GetProperty("nonce").GetInt64(),
            weights = past.GetProperty("weights").EnumerateArray().Select(w => w.GetInt64()).ToArray(),
        }, Ct);
        var verified = await verify.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(publishedHash, verified.GetProperty("serverSeedHash").GetString());
        Assert.Equal(past.GetProperty("roll").GetString(), verified.GetProperty("roll").GetString());
        Assert.Equal(past.GetProperty("segmentIndex").GetInt32(), verified.GetProperty("segmentIndex").GetInt32());
    }

    [Fact]
    public async Task TheHubSpinsAndRefusesUnknownWheelsWithAStableCode()
    {
        using var admin = api.CreateHttpClient(await api.AdminAsync(Ct));
        var id = "hub-" + Guid.NewGuid().ToString("N")[..8];
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("api/admin/wheels", Wheel(id, 5), Ct)).StatusCode);
        using var anonymous = api.CreateHttpClient();
        await using var hub = api.CreateHubConnection(await anonymous.GuestAsync(ct: Ct));
        await hub.StartAsync(Ct);

        var result = await hub.InvokeAsync<JsonElement>("Spin", id, "hub-spin-1", Ct);
        Assert.Equal("completed", result.GetProperty("status").GetString());
        Assert.True(result.GetProperty("freeSpin").GetBoolean());
        var missing = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<JsonElement>("WatchWheel", "no-such-wheel", Ct));
        Assert.Contains("HubException: wheel_not_found:", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACouponSegmentDropsOutWhenItsPoolIsEmptyAndComesBackWhenCodesAreAdded()
    {
        using var admin = api.CreateHttpClient(await api.AdminAsync(Ct));
        var poolId = "coupons-" + Guid.NewGuid().ToString("N")[..8];
        var wheelId = "coupon-" + Guid.NewGuid().ToString("N")[..8];
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("api/admin/code-pools", new { id = poolId, name = "Coupons" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"api/admin/code-pools/{poolId}/codes", new { codes = OnlyCode }, Ct)).StatusCode);
        var created = await admin.PostAsJsonAsync("api/admin/wheels", new
        {
            id = wheelId,
            name = "Coupon wheel",
            segments = new object[]
            {
                new { id = "coupon", label = "Coupon", colour = "#123456", prize = new { kind = "Code", poolId }, weight = 1_000_000 },
                new { id = "nothing", label = "Try again", colour = "#888888", prize = new { kind = "Nothing" }, weight = 1 },
            },
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        using var anonymous = api.CreateHttpClient();
        using var first = api.CreateHttpClient(await anonymous.GuestAsync(ct: Ct));
        using var second = api.CreateHttpClient(await anonymous.GuestAsync(ct: Ct));
        var won = await (await first.PostAsJsonAsync($"api/wheels/{wheelId}/spins", new { spinId = "s1" }, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("COUPON-0001", won.GetProperty("code").GetString());
        Assert.Equal("COUPON-0001", (await first.GetFromJsonAsync<JsonElement>("api/me/wallet", Ct)).GetProperty("codes")[0].GetProperty("code").GetString());

        var renormalised = await (await second.PostAsJsonAsync($"api/wheels/{wheelId}/spins", new { spinId = "s1" }, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("nothing", renormalised.GetProperty("segmentId").GetString());
        Assert.Equal("[0,1]", renormalised.GetProperty("weights").GetRawText());
        var dry = await second.GetFromJsonAsync<JsonElement>($"api/wheels/{wheelId}/odds", Ct);
        Assert.Equal(0.0, dry.GetProperty("segments")[0].GetProperty("probability").GetDouble());

        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"api/admin/code-pools/{poolId}/codes", new { codes = MoreCodes }, Ct)).StatusCode);
        var back = await second.GetFromJsonAsync<JsonElement>($"api/wheels/{wheelId}/odds", Ct);
        Assert.Equal(1_000_000.0 / 1_000_001, back.GetProperty("segments")[0].GetProperty("probability").GetDouble(), 12);
    }

    private static async Task WaitFor(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"{what} did not arrive within 10 s");
            await Task.Delay(20, Ct);
        }
    }
}
