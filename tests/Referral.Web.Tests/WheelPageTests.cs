using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Referral.Testing;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Referral.Web.Tests;

/// <summary>
/// The wheel page: odds before spinning (and live when an admin edits the wheel), spins whose
/// animation stops on the segment the server drew (checked from the final angle with this file's
/// own geometry, from the rendered CSS transform, and against the spin history), prizes in the
/// wallet, the refusal once no spin is left, seed rotation and verification of a past spin; French
/// and axe-core.
/// </summary>
[Collection(WebGroup.Name)]
public sealed class WheelPageTests(WebFixture web)
{
    private static readonly (string Id, string Label, string Colour, int Points, long Weight)[] Segments =
    [
        ("p10", "10 points", "#b91c1c", 10, 40),
        ("p25", "25 points", "#1d4ed8", 25, 30),
        ("p50", "50 points", "#ffd700", 50, 20),
        ("p100", "100 points", "#15803d", 100, 8),
        ("none", "Try again", "#cccccc", 0, 2),
    ];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The rendered rotation of the disc, in degrees, from its computed transform matrix.</summary>
    private const string RenderedAngle =
        """
        () => {
          const m = new DOMMatrix(getComputedStyle(document.querySelector('.wheel-disc')).transform);
          return Math.atan2(m.b, m.a) * 180 / Math.PI;
        }
        """;

    private static object Wheel(string id, string name, int freeSpinsPerDay, long lastWeight = 2) => new
    {
        id,
        name,
        segments = Segments.Select(s => new
        {
            id = s.Id,
            label = s.Label,
            colour = s.Colour,
            prize = s.Points == 0 ? (object)new { kind = "Nothing" } : new { kind = "Points", amount = s.Points },
            weight = s.Id == "none" ? lastWeight : s.Weight,
            bigWin = s.Id == "p100",
        }).ToArray(),
        freeSpinsPerDay,
        dailyCap = 5,
        costPerSpin = 1,
    };

    /// <summary>
    /// Segments are equal slices numbered clockwise from the pointer at 12 o'clock; a clockwise
    /// rotation R brings the wheel's angle (−R mod 360) under the pointer. Returns that segment
    /// and how far the pointer is from its centre, in degrees.
    /// </summary>
    private static (int Index, double OffCentre) UnderPointer(double rotation, int count)
    {
        var slice = 360.0 / count;
        var atPointer = ((-rotation % 360) + 360) % 360;
        var index = (int)Math.Floor(atPointer / slice);
        return (index, Math.Abs(atPointer - ((index + 0.5) * slice)));
    }

    private static double Mod360(double angle) => ((angle % 360) + 360) % 360;

    private async Task<(string Spinning, string Stingy)> CreateWheelsAsync(string prefix)
    {
        using var admin = web.Api.CreateHttpClient(await web.Api.AdminAsync(Ct));
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var spinning = $"{prefix}-{suffix}";
        var stingy = $"{prefix}-paid-{suffix}";
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("api/admin/wheels", Wheel(spinning, $"Lucky {suffix}", 3), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("api/admin/wheels", Wheel(stingy, $"Paid {suffix}", 0), Ct)).StatusCode);
        return (spinning, stingy);
    }

    private static async Task LogInAsync(IPage page, TestUser user, string next)
    {
        await page.GotoAsync($"/login?next={Uri.EscapeDataString(next)}");
        await page.Locator("input[name=email]").FillAsync(user.Email!);
        await page.Locator("input[name=password]").FillAsync(user.Password!);
        await page.Locator("form button[type=submit]").ClickAsync();
    }

    [Fact]
    public async Task SpinsStopOnTheServersSegmentPayTheWalletAndVerify()
    {
        var (wheelId, stingyId) = await CreateWheelsAsync("web-wheel");
        var player = await web.NewHostAsync("Wheel Player", Ct);
        using var asPlayer = web.Api.CreateHttpClient(player);

        await using var context = await web.NewContextAsync();
        var page = await context.NewPageAsync();
        await LogInAsync(page, player, "/wheel");

        // The list (two wheels are open at least) leads to the wheel.
        var list = page.GetByTestId("wheel-list");
        await list.GetByRole(AriaRole.Link, new() { Name = $"Lucky {wheelId[^8..]}" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Uri(web.BaseAddress, $"/wheel/{wheelId}").ToString());

        // The odds before spinning are the weights' shares.
        var wheel = page.GetByTestId("wheel");
        await Expect(wheel).ToHaveAttributeAsync("data-segment-count", "5");
        await Expect(page.GetByTestId("odds-p10")).ToContainTextAsync("40%");
        await Expect(page.GetByTestId("odds-p10")).ToContainTextAsync("40 in 100");
        await Expect(page.GetByTestId("odds-none")).ToContainTextAsync("2%");
        await Expect(page.GetByTestId("wheel-free-left")).ToHaveTextAsync("Free spins left today: 3 of 3");
        await Expect(page.GetByTestId("wheel-tokens")).ToHaveTextAsync("Your spin tokens: 0");

        // An admin edit changes the odds live (wheelStockChanged over the hub), without a reload.
        await Expect(page.Locator("section.wheel-page")).ToHaveAttributeAsync("data-live", "true");
        using (var admin = web.Api.CreateHttpClient(await web.Api.AdminAsync(Ct)))
        {
            Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"api/admin/wheels/{wheelId}", Wheel(wheelId, $"Lucky {wheelId[^8..]}", 3, lastWeight: 62), Ct)).StatusCode);
        }

        await Expect(page.GetByTestId("odds-p10")).ToContainTextAsync("25%");
        await Expect(page.GetByTestId("odds-none")).ToContainTextAsync("62 in 160");

        var order = (await asPlayer.GetFromJsonAsync<JsonElement>($"api/wheels/{wheelId}/odds", Ct))
            .GetProperty("segments").EnumerateArray().Select(s => s.GetProperty("segmentId").GetString()!).ToList();
        Assert.Equal(Segments.Select(s => s.Id), order);

        var spinButton = page.GetByTestId("wheel-spin");
        var won = 0L;
        var landings = new List<string>();
        for (var spin = 1; spin <= 3; spin++)
        {
            await spinButton.ClickAsync();
            await Expect(wheel).ToHaveAttributeAsync("data-landed-count", spin.ToString(CultureInfo.InvariantCulture), new() { Timeout = 20_000 });

            var history = await asPlayer.GetFromJsonAsync<JsonElement>("api/me/wheel/spins?take=10", Ct);
            Assert.Equal(spin, history.GetProperty("total").GetInt32());
            var latest = history.GetProperty("spins")[0];
            var drawn = latest.GetProperty("segmentId").GetString()!;
            Assert.Equal(order.IndexOf(drawn), latest.GetProperty("segmentIndex").GetInt32());

            var rotation = double.Parse((await wheel.GetAttributeAsync("data-rotation"))!, CultureInfo.InvariantCulture);
            var (index, offCentre) = UnderPointer(rotation, order.Count);
            Assert.True(rotation >= 360 * 5 * spin, $"spin {spin} turned only {rotation}°");
            Assert.Equal(drawn, order[index]);
            Assert.True(offCentre < 0.01, $"the pointer is {offCentre}° from the centre of {drawn}");
            Assert.Equal(drawn, await wheel.GetAttributeAsync("data-landed-segment"));

            // What the browser actually drew agrees with the attribute.
            var rendered = await page.EvaluateAsync<double>(RenderedAngle);
            var gap = Math.Abs(Mod360(rendered) - Mod360(rotation));
            Assert.True(Math.Min(gap, 360 - gap) < 0.5, $"rendered {rendered}°, attribute {rotation}°");

            var segment = Segments.Single(s => s.Id == drawn);
            won += segment.Points;
            landings.Add(drawn);
            await Expect(page.GetByTestId("wheel-result")).ToContainTextAsync(
                segment.Points == 0 ? "Try again: no prize this time." : $"You won {segment.Label}: {segment.Points} points went to your wallet.");
            await Expect(page.GetByTestId("wheel-result")).ToContainTextAsync($"Your wallet now holds {won:N0} points");
            if (spin == 1)
            {
                await Screenshots.SaveAsync(page, "wheel");
            }
        }

        // The wallet holds the prizes; with no free spin and no token left, the page says why.
        var wallet = await asPlayer.GetFromJsonAsync<JsonElement>("api/me/wallet", Ct);
        Assert.Equal(won, wallet.GetProperty("balances").TryGetProperty("points", out var points) ? points.GetInt64() : 0);
        await Expect(page.GetByTestId("wheel-free-left")).ToHaveTextAsync("Free spins left today: 0 of 3");
        await Expect(page.GetByTestId("wheel-blocked")).ToHaveTextAsync(
            "No free spin left today and not enough spin tokens. Earn tokens by playing quizzes and inviting friends.");
        await Expect(spinButton).ToBeDisabledAsync();

        // Before rotation the seed is secret; rotating reveals it and every past spin verifies, on the server and in the browser.
        var history3 = await asPlayer.GetFromJsonAsync<JsonElement>("api/me/wheel/spins?take=10", Ct);
        var spinIds = history3.GetProperty("spins").EnumerateArray().Select(s => s.GetProperty("spinId").GetString()!).ToList();
        Assert.Equal(3, spinIds.Distinct().Count());
        Assert.Equal(landings.AsEnumerable().Reverse(), history3.GetProperty("spins").EnumerateArray().Select(s => s.GetProperty("segmentId").GetString()!));
        await Expect(page.GetByTestId($"spin-{spinIds[0]}")).ToContainTextAsync("Reveal the seed above to verify this spin.");
        var publishedHash = await page.GetByTestId("fair-hash").TextContentAsync();
        Assert.Equal(history3.GetProperty("spins")[0].GetProperty("serverSeedHash").GetString(), publishedHash);
        await Expect(page.GetByTestId("fair-nonce")).ToHaveTextAsync("3");

        await page.GetByTestId("rotate-seed").ClickAsync();
        await Expect(page.GetByTestId("revealed-count")).ToHaveTextAsync("3");
        await Expect(page.GetByTestId("revealed-seed")).ToHaveTextAsync(new Regex("^[0-9a-f]{64}$"));
        await Expect(page.GetByTestId("fair-nonce")).ToHaveTextAsync("0");
        await Expect(page.GetByTestId("fair-hash")).Not.ToHaveTextAsync(publishedHash!);
        foreach (var spinId in spinIds)
        {
            await page.GetByTestId($"verify-{spinId}").ClickAsync();
            await Expect(page.GetByTestId($"verify-server-{spinId}")).ToHaveAttributeAsync("data-check", "matches");
            await Expect(page.GetByTestId($"verify-browser-{spinId}")).ToHaveAttributeAsync("data-check", "matches");
        }

        await Expect(page.GetByTestId($"verify-server-{spinIds[0]}")).ToHaveTextAsync("✓ Server check: matches");

        // A wheel without free spins refuses a player without tokens, in words.
        await page.GotoAsync($"/wheel/{stingyId}");
        await Expect(page.GetByTestId("wheel-blocked")).ToContainTextAsync("No free spin left today and not enough spin tokens.");
        await Expect(page.GetByTestId("wheel-spin")).ToBeDisabledAsync();
    }

    [Fact]
    public async Task AClientSeedChangeIsUsedByTheNextSpinAndTheServersRefusalIsTranslated()
    {
        var (wheelId, _) = await CreateWheelsAsync("web-seed");
        var player = await web.NewHostAsync("Seed Player", Ct);
        using var asPlayer = web.Api.CreateHttpClient(player);

        await using var context = await web.NewContextAsync(locale: "fr-FR");
        var page = await context.NewPageAsync();
        await LogInAsync(page, player, $"/wheel/{wheelId}");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Chances" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Équité vérifiable" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("wheel-free-left")).ToHaveTextAsync("Tours gratuits restants aujourd'hui\u00a0: 3 sur 3");
        await Expect(page.GetByTestId("odds-p10")).ToContainTextAsync("40 sur 100");

        var seed = page.GetByLabel("Graine client");
        await seed.FillAsync("pas valide !");
        await page.GetByTestId("client-seed-save").ClickAsync();
        await Expect(page.GetByText("Utilisez 1 à 64 lettres, chiffres, - ou _.")).ToBeVisibleAsync();
        await seed.FillAsync("ma-graine_42");
        await page.GetByTestId("client-seed-save").ClickAsync();
        await Expect(page.GetByText("Enregistrée.")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Lancer la roue" }).ClickAsync();
        await Expect(page.GetByTestId("wheel")).ToHaveAttributeAsync("data-landed-count", "1", new() { Timeout = 20_000 });
        var latest = (await asPlayer.GetFromJsonAsync<JsonElement>("api/me/wheel/spins", Ct)).GetProperty("spins")[0];
        Assert.Equal("ma-graine_42", latest.GetProperty("clientSeed").GetString());
        Assert.Equal(latest.GetProperty("segmentId").GetString(), await page.GetByTestId("wheel").GetAttributeAsync("data-landed-segment"));
        await Screenshots.SaveAsync(page, "wheel-fr");

        // The server's own refusal (here: the wheel closed by an admin after the page loaded) is shown in French.
        using (var admin = web.Api.CreateHttpClient(await web.Api.AdminAsync(Ct)))
        {
            Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync(new Uri($"api/admin/wheels/{wheelId}", UriKind.Relative), Ct)).StatusCode);
        }

        await page.GetByTestId("wheel-spin").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync(new Regex("^Cette roue (n'existe pas|est fermée pour l'instant)\\.$"));
    }

    [Fact]
    public async Task ASpinWhoseAnswerIsLostIsRetriedWithTheSameIdAndPaidOnce()
    {
        var (wheelId, _) = await CreateWheelsAsync("web-retry");
        var player = await web.NewHostAsync("Retry Player", Ct);
        using var asPlayer = web.Api.CreateHttpClient(player);

        await using var context = await web.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.EmulateMediaAsync(new() { ReducedMotion = ReducedMotion.Reduce });

        // The first spin request reaches the server, which spins; its answer is lost on the way back.
        var spinIds = new List<string>();
        await page.RouteAsync("**/api/wheels/*/spins", async route =>
        {
            spinIds.Add(JsonDocument.Parse(route.Request.PostData!).RootElement.GetProperty("spinId").GetString()!);
            if (spinIds.Count == 1)
            {
                await route.FetchAsync();
                await route.AbortAsync("connectionreset");
            }
            else
            {
                await route.ContinueAsync();
            }
        });

        await LogInAsync(page, player, $"/wheel/{wheelId}");
        await page.GetByTestId("wheel-spin").ClickAsync();
        var wheel = page.GetByTestId("wheel");
        await Expect(wheel).ToHaveAttributeAsync("data-landed-count", "1");

        Assert.Equal(2, spinIds.Count);
        Assert.Equal(spinIds[0], spinIds[1]);
        var history = await asPlayer.GetFromJsonAsync<JsonElement>("api/me/wheel/spins", Ct);
        Assert.Equal(1, history.GetProperty("total").GetInt32());
        var spun = history.GetProperty("spins")[0];
        Assert.Equal(spinIds[0], spun.GetProperty("spinId").GetString());
        var drawn = spun.GetProperty("segmentId").GetString()!;
        Assert.Equal(drawn, await wheel.GetAttributeAsync("data-landed-segment"));

        // Reduced motion: one short turn, still centred on the drawn segment.
        var rotation = double.Parse((await wheel.GetAttributeAsync("data-rotation"))!, CultureInfo.InvariantCulture);
        Assert.InRange(rotation, 360, 720);
        var (index, offCentre) = UnderPointer(rotation, Segments.Length);
        Assert.Equal(drawn, Segments[index].Id);
        Assert.True(offCentre < 0.01);

        var wallet = await asPlayer.GetFromJsonAsync<JsonElement>("api/me/wallet", Ct);
        var points = wallet.GetProperty("balances").TryGetProperty("points", out var p) ? p.GetInt64() : 0;
        Assert.Equal(Segments[index].Points, points);
        await Expect(page.GetByTestId("wheel-free-left")).ToHaveTextAsync("Free spins left today: 2 of 3");
    }

    [Fact]
    public async Task AWatcherSeesSomeoneElsesBigWinAndTheStockRunOutLive()
    {
        using var admin = web.Api.CreateHttpClient(await web.Api.AdminAsync(Ct));
        var wheelId = "web-jackpot-" + Guid.NewGuid().ToString("N")[..8];
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("api/admin/wheels", new
        {
            id = wheelId,
            name = "Jackpot wheel",
            segments = new object[]
            {
                new { id = "jackpot", label = "Jackpot", colour = "#ffd700", prize = new { kind = "Points", amount = 1000 }, weight = 1_000_000, stock = 1, bigWin = true },
                new { id = "nothing", label = "Try again", colour = "#cccccc", prize = new { kind = "Nothing" }, weight = 1 },
            },
        }, Ct)).StatusCode);

        var watcher = await web.NewHostAsync("Wheel Watcher", Ct);
        await using var context = await web.NewContextAsync();
        var page = await context.NewPageAsync();
        await LogInAsync(page, watcher, $"/wheel/{wheelId}");
        await Expect(page.Locator("section.wheel-page")).ToHaveAttributeAsync("data-live", "true");
        await Expect(page.GetByTestId("odds-jackpot")).ToContainTextAsync("> 99.99%1,000,000 in 1,000,001");
        await Expect(page.GetByTestId("odds-nothing")).ToContainTextAsync("< 0.01%1 in 1,000,001");
        await Expect(page.GetByTestId("wheel-big-wins")).ToHaveTextAsync("No big win yet. Will you be next?");

        // Someone else spins (over the api) and takes the only jackpot.
        using var anonymous = web.Api.CreateHttpClient();
        using var other = web.Api.CreateHttpClient(await anonymous.GuestAsync(ct: Ct));
        var spun = await (await other.PostAsJsonAsync($"api/wheels/{wheelId}/spins", new { spinId = "someone-else" }, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("jackpot", spun.GetProperty("segmentId").GetString());

        await Expect(page.GetByTestId("wheel-big-wins")).ToContainTextAsync("Someone just won Jackpot");
        await Expect(page.GetByTestId("odds-jackpot")).ToContainTextAsync("0 in 1");
        await Expect(page.GetByTestId("odds-nothing")).ToContainTextAsync("100%");
        await Expect(page.Locator("tr[data-segment-id=jackpot]")).ToContainTextAsync("None left");
    }

    [Theory]
    [InlineData("en-GB")]
    [InlineData("fr-FR")]
    public async Task TheWheelPageHasNoSeriousAccessibilityViolations(string locale)
    {
        var (wheelId, _) = await CreateWheelsAsync("web-axe");
        var player = await web.NewHostAsync("Axe Player", Ct);
        await using var context = await web.NewContextAsync(locale: locale);
        var page = await context.NewPageAsync();
        await LogInAsync(page, player, $"/wheel/{wheelId}");
        await Expect(page.GetByTestId("wheel-odds")).ToBeVisibleAsync();
        await Axe.AssertNoSeriousViolationsAsync(page, $"/wheel/{wheelId}");

        // After a spin, a rotation and a verification: the result, the revealed seed and the checks.
        await page.GetByTestId("wheel-spin").ClickAsync();
        await Expect(page.GetByTestId("wheel")).ToHaveAttributeAsync("data-landed-count", "1", new() { Timeout = 20_000 });
        await page.GetByTestId("rotate-seed").ClickAsync();
        await page.GetByTestId("spin-history").GetByRole(AriaRole.Button).First.ClickAsync();
        await Expect(page.Locator("[data-check=matches]").First).ToBeVisibleAsync();
        await Axe.AssertNoSeriousViolationsAsync(page, $"/wheel/{wheelId} after a spin");

        await page.GotoAsync("/wheel");
        await Expect(page.GetByTestId("wheel-list")).ToBeVisibleAsync();
        await Axe.AssertNoSeriousViolationsAsync(page, "/wheel");
    }
}
