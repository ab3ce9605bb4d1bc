using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Referral.Testing;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Referral.Web.Tests;

/// <summary>
/// The admin console in a real browser: campaigns through the form and the status endpoint, the
/// review queue, wheels with segments and odds, and the live operations view, each checked
/// against the api's own answers.
/// </summary>
[Collection(WebGroup.Name)]
public sealed class AdminConsoleTests(WebFixture web)
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(20);
    private static readonly string[] ApprovedStatuses = ["Approved", "Rewarded"];
    private static readonly double[] StoredOdds = [0.75, 0.25, 0.0];
    private static readonly string[] TrueFalse = ["true", "false"];
    private static readonly int[] FirstOption = [0];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<HttpClient> AdminApiAsync() => web.Api.CreateHttpClient(await web.Api.AdminAsync(Ct));

    /// <summary>Signs the admin in through the login page, which then opens <paramref name="next"/>.</summary>
    private async Task<IPage> SignInAsync(IBrowserContext context, string next)
    {
        var admin = await web.Api.AdminAsync(Ct);
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/login?next={Uri.EscapeDataString(next)}");
        await page.Locator("input[name=email]").FillAsync(admin.Email!);
        await page.Locator("input[name=password]").FillAsync(admin.Password!);
        await page.Locator("form button[type=submit]").ClickAsync();
        await Expect(page.Locator("nav.admin-nav")).ToBeVisibleAsync();
        return page;
    }

    [Fact]
    public async Task AnAdminCreatesACampaignInTheFormThenActivatesAndPausesIt()
    {
        await using var context = await web.NewContextAsync(width: 1024, height: 800);
        var page = await SignInAsync(context, "/admin/campaigns");
        await page.GetByTestId("new-campaign").ClickAsync();

        var name = "Spring " + Guid.NewGuid().ToString("N")[..6];
        await page.GetByTestId("campaign-name").FillAsync(name);
        await page.GetByTestId("campaign-event").SelectOptionAsync("QuizzesCompleted");
        await page.GetByTestId("campaign-quizzes").FillAsync("2");
        await page.GetByTestId("campaign-cap").FillAsync("5");
        await page.GetByTestId("budget-points").FillAsync("10000");
        await page.GetByTestId("v0-referrer-amount-0").FillAsync("150");
        await page.GetByTestId("v0-referee-add").ClickAsync();
        await page.GetByTestId("v0-referee-currency-0").SelectOptionAsync("spins");
        await page.GetByTestId("v0-referee-amount-0").FillAsync("3");
        await page.GetByTestId("add-milestone").ClickAsync();
        await page.GetByTestId("milestone-0-referrals").FillAsync("4");

        // The api refuses a 400-day window: its rule shows next to that field, in the admin's language, and nothing is created.
        await page.GetByTestId("campaign-window").FillAsync("400");
        await page.GetByTestId("save-campaign").ClickAsync();
        await Expect(page.Locator(".field", new() { Has = page.GetByTestId("campaign-window") }).Locator(".error"))
            .ToHaveTextAsync("From 1 second to 365 days.");
        await Expect(page.GetByTestId("campaign-window")).ToHaveAttributeAsync("aria-invalid", "true");
        using var admin = await AdminApiAsync();
        Assert.DoesNotContain((await admin.GetFromJsonAsync<JsonElement>("api/admin/campaigns", Ct)).EnumerateArray(), c => c.GetProperty("name").GetString() == name);

        await page.GetByTestId("campaign-window").FillAsync("7");
        await page.GetByTestId("save-campaign").ClickAsync();
        var card = page.Locator("[data-campaign]", new() { HasText = name });
        await Expect(card.GetByTestId("campaign-status")).ToHaveTextAsync("Draft");
        var id = await card.GetAttributeAsync("data-campaign");

        var stored = await admin.GetFromJsonAsync<JsonElement>($"api/admin/campaigns/{id}", Ct);
        Assert.Equal("Draft", stored.GetProperty("status").GetString());
        Assert.Equal("QuizzesCompleted", stored.GetProperty("qualifyingEvent").GetString());
        Assert.Equal(2, stored.GetProperty("quizzesRequired").GetInt32());
        Assert.Equal(7 * 86_400, stored.GetProperty("attributionWindowSeconds").GetInt64());
        Assert.Equal(5, stored.GetProperty("perReferrerCap").GetInt32());
        Assert.Equal(10_000, stored.GetProperty("budget").GetProperty("points").GetInt64());
        var offer = Assert.Single(stored.GetProperty("variants").EnumerateArray());
        var referrerReward = Assert.Single(offer.GetProperty("referrerRewards").EnumerateArray());
        Assert.Equal(("points", 150), (referrerReward.GetProperty("currency").GetString(), referrerReward.GetProperty("amount").GetInt64()));
        var friendReward = Assert.Single(offer.GetProperty("refereeRewards").EnumerateArray());
        Assert.Equal(("spins", 3), (friendReward.GetProperty("currency").GetString(), friendReward.GetProperty("amount").GetInt64()));
        Assert.Equal(4, Assert.Single(stored.GetProperty("milestones").EnumerateArray()).GetProperty("referrals").GetInt32());

        await card.GetByTestId("campaign-Active").ClickAsync();
        await Expect(card.GetByTestId("campaign-status")).ToHaveTextAsync("Active");
        Assert.Equal("Active", (await admin.GetFromJsonAsync<JsonElement>($"api/admin/campaigns/{id}", Ct)).GetProperty("status").GetString());
        await Screenshots.SaveAsync(page, "admin-campaigns");

        await card.GetByTestId("campaign-Paused").ClickAsync();
        await Expect(card.GetByTestId("campaign-status")).ToHaveTextAsync("Paused");
        Assert.Equal("Paused", (await admin.GetFromJsonAsync<JsonElement>($"api/admin/campaigns/{id}", Ct)).GetProperty("status").GetString());

        // Editing keeps the id and the status; the api has the new name.
        await card.GetByRole(AriaRole.Link, new() { Name = "Edit" }).ClickAsync();
        await Expect(page.GetByTestId("campaign-name")).ToHaveValueAsync(name);
        await page.GetByTestId("campaign-name").FillAsync(name + " (edited)");
        await page.GetByTestId("save-campaign").ClickAsync();
        await Expect(page.GetByTestId("saved")).ToBeVisibleAsync();
        var edited = await admin.GetFromJsonAsync<JsonElement>($"api/admin/campaigns/{id}", Ct);
        Assert.Equal((name + " (edited)", "Paused"), (edited.GetProperty("name").GetString(), edited.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task AReviewItemIsRejectedWithAReasonAndAnotherApproved()
    {
        // Two friends signing up from the referrer's own network and browser: flagged for review, not blocked (docs/referrals.md).
        using var admin = await AdminApiAsync();
        var created = await admin.PostAsJsonAsync("api/admin/campaigns", new
        {
            name = "Review in the browser",
            qualifyingEvent = "Signup",
            referrerRewards = new[] { new { currency = "points", amount = 100 } },
            refereeRewards = Array.Empty<object>(),
        }, Ct);
        var campaign = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
        Assert.True((await admin.PostAsJsonAsync($"api/admin/campaigns/{campaign}/status", new { status = "Active" }, Ct)).IsSuccessStatusCode);

        var agent = "SharedOffice/" + Guid.NewGuid().ToString("N")[..6];
        using var anonymous = web.Api.CreateHttpClient();
        anonymous.DefaultRequestHeaders.UserAgent.ParseAdd(agent);
        var referrer = await anonymous.GuestAsync(displayName: "Rhea Referrer", ct: Ct);
        using var asReferrer = web.Api.CreateHttpClient(referrer);
        asReferrer.DefaultRequestHeaders.UserAgent.ParseAdd(agent);
        var code = (await asReferrer.GetFromJsonAsync<JsonElement>($"api/me/referrals/{campaign}", Ct)).GetProperty("code").GetString();
        async Task<Guid> FriendAsync(string displayName)
        {
            var response = await anonymous.PostAsJsonAsync("api/auth/register", new
            {
                email = AuthClient.NewEmail("office"), password = AuthClient.Password, displayName, locale = "en", referralCode = code,
            }, Ct);
            return (await AuthClient.ReadUser(response, HttpStatusCode.Created, displayName, null, null, null, Ct)).Id;
        }

        var rejected = await FriendAsync("Otto Office");
        var approved = await FriendAsync("Olga Office");

        await using var context = await web.NewContextAsync(width: 1024, height: 800);
        var page = await SignInAsync(context, "/admin/review");
        var toReject = page.Locator($"[data-referee='{rejected}']");
        await Expect(toReject.GetByRole(AriaRole.Heading, new() { Level = 2 })).ToHaveTextAsync("Otto Office");
        await Expect(toReject.Locator("[data-rule=same_network_and_agent]")).ToHaveTextAsync("Same network and browser as the referrer +30");

        // No reason, no rejection: the page says so and the api still has it in review.
        await toReject.GetByTestId("reject").ClickAsync();
        await Expect(toReject.Locator(".error")).ToHaveTextAsync("Give a reason to reject.");
        Assert.False((await admin.GetFromJsonAsync<JsonElement>($"api/admin/referrals/{rejected}", Ct)).GetProperty("reviewed").GetBoolean());

        const string Reason = "Same office, duplicate account";
        await toReject.GetByTestId("review-note").FillAsync(Reason);
        await toReject.GetByTestId("reject").ClickAsync();
        await Expect(toReject).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("review-done")).ToHaveTextAsync("Otto Office: rejected.");
        var rejectedView = await admin.GetFromJsonAsync<JsonElement>($"api/admin/referrals/{rejected}", Ct);
        Assert.Equal("Rejected", rejectedView.GetProperty("status").GetString());
        Assert.Contains(rejectedView.GetProperty("audit").EnumerateArray(), a =>
            a.GetProperty("action").GetString() == "rejected" && a.GetProperty("note").GetString()!.EndsWith(Reason, StringComparison.Ordinal));

        var toApprove = page.Locator($"[data-referee='{approved}']");
        await toApprove.GetByTestId("approve").ClickAsync();
        await Expect(toApprove).ToHaveCountAsync(0);
        var approvedView = await admin.GetFromJsonAsync<JsonElement>($"api/admin/referrals/{approved}", Ct);
        Assert.Contains(approvedView.GetProperty("status").GetString(), ApprovedStatuses);

        var queue = await admin.GetFromJsonAsync<JsonElement>("api/admin/referrals/review?take=100", Ct);
        Assert.DoesNotContain(queue.GetProperty("items").EnumerateArray(), i => i.GetProperty("refereeId").GetGuid() == rejected || i.GetProperty("refereeId").GetGuid() == approved);
    }

    [Fact]
    public async Task AWheelIsCreatedWithSegmentsWeightsAndStockAndTheApiHasTheSame()
    {
        await using var context = await web.NewContextAsync(width: 1024, height: 900);
        var page = await SignInAsync(context, "/admin/wheels");
        await page.GetByTestId("new-wheel").ClickAsync();
        var id = "wheel-" + Guid.NewGuid().ToString("N")[..6];
        await page.GetByTestId("wheel-id").FillAsync(id);
        await page.GetByTestId("wheel-name").FillAsync("Browser wheel");
        await page.GetByLabel("Open until (optional)").FillAsync("2030-01-01T12:00");

        await page.GetByTestId("segment-0-label").FillAsync("Ten points");
        await page.GetByTestId("segment-0-amount").FillAsync("10");
        await page.GetByTestId("segment-0-weight").FillAsync("3");
        await page.GetByTestId("segment-1-label").FillAsync("Two spins");
        await page.GetByTestId("segment-1-kind").SelectOptionAsync("Spins");
        await page.GetByTestId("segment-1-amount").FillAsync("2");
        await page.GetByTestId("segment-1-weight").FillAsync("1");
        await page.GetByTestId("segment-1-stock").FillAsync("5");
        await page.GetByTestId("add-segment").ClickAsync();
        await page.GetByTestId("segment-2-label").FillAsync("Sold out");
        await page.GetByTestId("segment-2-kind").SelectOptionAsync("Nothing");
        await page.GetByTestId("segment-2-weight").FillAsync("4");
        await page.GetByTestId("segment-2-stock").FillAsync("0");

        // Odds before saving: weight over the total of segments in stock.
        await Expect(page.GetByTestId("segment-0-odds")).ToHaveTextAsync("Chance: 75%");
        await Expect(page.GetByTestId("segment-1-odds")).ToHaveTextAsync("Chance: 25%");
        await Expect(page.GetByTestId("segment-2-odds")).ToHaveTextAsync("Chance: 0%");

        await page.GetByTestId("save-wheel").ClickAsync();
        await Expect(page.GetByTestId("saved")).ToBeVisibleAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/admin/wheels/{id}\\?created=1$"));
        await Expect(page.GetByTestId("segment-1-odds")).ToHaveTextAsync("Chance: 25% · 5 left");

        using var admin = await AdminApiAsync();
        var wheel = await admin.GetFromJsonAsync<JsonElement>($"api/admin/wheels/{id}", Ct);
        Assert.Equal(2030, wheel.GetProperty("definition").GetProperty("activeUntil").GetDateTimeOffset().Year);
        var segments = wheel.GetProperty("definition").GetProperty("segments").EnumerateArray().ToList();
        Assert.Equal(
            new (string?, string?, long, long, int?)[] { ("Ten points", "Points", 10L, 3L, null), ("Two spins", "Spins", 2L, 1L, 5), ("Sold out", "Nothing", 0L, 4L, 0) },
            segments.Select(s => (
                s.GetProperty("label").GetString(),
                s.GetProperty("prize").GetProperty("kind").GetString(),
                s.GetProperty("prize").GetProperty("amount").GetInt64(),
                s.GetProperty("weight").GetInt64(),
                s.GetProperty("stock").ValueKind == JsonValueKind.Null ? (int?)null : s.GetProperty("stock").GetInt32())).ToArray());
        Assert.Equal(StoredOdds, wheel.GetProperty("odds").GetProperty("segments").EnumerateArray().Select(s => s.GetProperty("probability").GetDouble()).ToArray());

        // The list shows it; deleting asks once more, then the api no longer has it.
        await page.GetByRole(AriaRole.Link, new() { Name = "Wheels", Exact = true }).First.ClickAsync();
        var card = page.Locator($"[data-wheel='{id}']");
        await Expect(card).ToContainTextAsync("Browser wheel");
        await card.GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
        await card.GetByTestId("confirm-delete").ClickAsync();
        await Expect(card).ToHaveCountAsync(0);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(new Uri($"api/admin/wheels/{id}", UriKind.Relative), Ct)).StatusCode);
    }

    [Fact]
    public async Task TheOperationsViewCountsAGuestWhoSignsInAndConnectsAsTheApiDoes()
    {
        using var admin = await AdminApiAsync();
        await using var context = await web.NewContextAsync(width: 1024, height: 700);
        var page = await SignInAsync(context, "/admin");
        await Expect(page.GetByTestId("ops-playersOnline")).ToBeVisibleAsync();
        var before = await admin.GetFromJsonAsync<JsonElement>("api/admin/ops", Ct);

        var host = await web.NewHostAsync("Ops Host", Ct);
        using var asHost = web.Api.CreateHttpClient(host);
        var quiz = await asHost.PostAsJsonAsync("api/quizzes", new
        {
            title = "Ops quiz",
            questions = new[] { new { type = "TrueFalse", text = "Lyon is in France.", options = TrueFalse, correctOptions = FirstOption, timeLimitSeconds = 30, points = "Standard" } },
        }, Ct);
        var quizId = (await quiz.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
        var room = await (await asHost.PostAsJsonAsync("api/rooms", new { quizId }, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);

        await using var guestContext = await web.NewContextAsync();
        var guest = await guestContext.NewPageAsync();
        await guest.GotoAsync($"/join?pin={room.GetProperty("pin").GetString()}");
        await guest.GetByTestId("nickname").FillAsync("Opal");
        await guest.GetByTestId("join-submit").ClickAsync();
        await Expect(guest.GetByTestId("play")).ToHaveAttributeAsync("data-phase", "Lobby");

        // The page polls every few seconds: wait for it to show the new guest, then compare with the api.
        var shown = await UntilAsync(async () =>
        {
            var ui = await ReadAsync(page);
            return ui.SignupsToday >= Figure(before, "signupsToday") + 1 && ui.PlayersOnline >= Figure(before, "playersOnline") + 1
                && ui.ActiveRooms >= Figure(before, "activeRooms") + 1 ? ui : null;
        }, "the operations page showing the new guest");
        var api = await admin.GetFromJsonAsync<JsonElement>("api/admin/ops", Ct);
        Assert.Equal(Figure(api, "signupsToday"), shown.SignupsToday);
        Assert.Equal(Figure(api, "referralsToday"), shown.ReferralsToday);
        Assert.True(DateTimeOffset.Parse(shown.At, CultureInfo.InvariantCulture) > before.GetProperty("at").GetDateTimeOffset(), "the page shows a newer reading than before the guest came");

        // Connections may still be closing from earlier tests: the page catches up with the api within a refresh or two.
        await UntilAsync(async () =>
        {
            var now = await admin.GetFromJsonAsync<JsonElement>("api/admin/ops", Ct);
            var ui = await ReadAsync(page);
            return ui.PlayersOnline == Figure(now, "playersOnline") && ui.ActiveRooms == Figure(now, "activeRooms") ? ui : null;
        }, "the page's players online and rooms equal to the api's");
        await Expect(page.GetByTestId("ops-at")).ToContainTextAsync("(UTC)");
        await Screenshots.SaveAsync(page, "admin-ops");
    }

    [Theory]
    [InlineData("en-GB", "Live operations", "Campaign name", "Review queue", "Wheel name")]
    [InlineData("fr-FR", "Opérations en direct", "Nom de la campagne", "File de vérification", "Nom de la roue")]
    public async Task AdminPagesRenderInTheBrowsersLanguageWithNoSeriousAccessibilityViolations(
        string locale, string opsTitle, string campaignName, string reviewTitle, string wheelName)
    {
        await using var context = await web.NewContextAsync(locale: locale);
        var page = await SignInAsync(context, "/admin");
        await Expect(page.Locator("main h1")).ToHaveTextAsync(opsTitle);
        await Expect(page.GetByTestId("ops-playersOnline")).ToBeVisibleAsync();
        await Axe.AssertNoSeriousViolationsAsync(page, $"/admin ({locale})");

        await page.GotoAsync("/admin/campaigns/new");
        await Expect(page.GetByLabel(campaignName)).ToBeVisibleAsync();
        await page.GetByTestId("add-variant").ClickAsync();
        await page.GetByTestId("add-milestone").ClickAsync();
        await Axe.AssertNoSeriousViolationsAsync(page, $"/admin/campaigns/new ({locale})");

        await page.GotoAsync("/admin/campaigns");
        await Expect(page.GetByTestId("new-campaign")).ToBeVisibleAsync();
        await Axe.AssertNoSeriousViolationsAsync(page, $"/admin/campaigns ({locale})");

        await page.GotoAsync("/admin/review");
        await Expect(page.Locator("main h1")).ToHaveTextAsync(reviewTitle);
        await Expect(page.GetByTestId("review-total")).ToBeVisibleAsync();
        await Axe.AssertNoSeriousViolationsAsync(page, $"/admin/review ({locale})");

        await page.GotoAsync("/admin/wheels/new");
        await Expect(page.GetByLabel(wheelName)).ToBeVisibleAsync();
        await Axe.AssertNoSeriousViolationsAsync(page, $"/admin/wheels/new ({locale})");

        await page.GotoAsync("/admin/wheels");
        await Expect(page.GetByTestId("new-wheel")).ToBeVisibleAsync();
        await Axe.AssertNoSeriousViolationsAsync(page, $"/admin/wheels ({locale})");

        // Keyboard: the sub-navigation is reachable with Tab and its links are real links.
        await page.Locator("nav.admin-nav a").First.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("main h1")).ToHaveTextAsync(opsTitle);
    }

    [Fact]
    public async Task APlayerCannotOpenTheAdminConsole()
    {
        await using var context = await web.NewContextAsync();
        var page = await context.NewPageAsync();
        var host = await web.NewHostAsync("Not An Admin", Ct);
        await page.GotoAsync("/login?next=/admin");
        await page.Locator("input[name=email]").FillAsync(host.Email!);
        await page.Locator("input[name=password]").FillAsync(host.Password!);
        await page.Locator("form button[type=submit]").ClickAsync();
        await Expect(page.Locator("main h1")).ToHaveTextAsync("You cannot open this page");
        await Expect(page.Locator("header nav a[href='/admin']")).ToHaveCountAsync(0);
    }

    private sealed record OpsOnPage(long PlayersOnline, long ActiveRooms, long SignupsToday, long ReferralsToday, string At);

    private static long Figure(JsonElement ops, string name) => ops.GetProperty(name).GetInt64();

    private static async Task<OpsOnPage> ReadAsync(IPage page)
    {
        async Task<long> Value(string key) => long.Parse((await page.GetByTestId("ops-" + key).GetAttributeAsync("data-value"))!, CultureInfo.InvariantCulture);
        return new OpsOnPage(await Value("playersOnline"), await Value("activeRooms"), await Value("signupsToday"), await Value("referralsToday"),
            (await page.GetByTestId("ops-at").GetAttributeAsync("data-at"))!);
    }

    private static async Task<T> UntilAsync<T>(Func<Task<T?>> probe, string what)
        where T : class
    {
        var deadline = DateTime.UtcNow + Within;
        while (true)
        {
            if (await probe() is { } found)
            {
                return found;
            }

            Assert.True(DateTime.UtcNow < deadline, $"timed out waiting for {what}");
            await Task.Delay(250, Ct);
        }
    }
}
