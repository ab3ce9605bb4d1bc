using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Referral.Testing;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Referral.Web.Tests;

/// <summary>
/// The referral page (/invite): the personal link as the api gives it, copy and QR code, and a
/// friend's signup in another browser showing up live on the referrer's open page: the friend's
/// status, a toast, the wallet and the campaign leaderboard, all without a reload.
/// </summary>
[Collection(WebGroup.Name)]
public sealed class InvitePageTests(WebFixture web)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>An active campaign made by an admin: 100 points to the referrer, 50 to the friend, a 20-point bonus at 1 and 3 rewarded friends.</summary>
    private async Task<Guid> NewCampaignAsync(string name)
    {
        using var admin = web.Api.CreateHttpClient(await web.Api.AdminAsync(Ct));
        var created = await admin.PostAsJsonAsync("api/admin/campaigns", new
        {
            name,
            qualifyingEvent = "Signup",
            referrerRewards = new[] { new { currency = "points", amount = 100 } },
            refereeRewards = new[] { new { currency = "points", amount = 50 } },
            milestones = new[]
            {
                new { referrals = 1, bonus = new[] { new { currency = "points", amount = 20 } } },
                new { referrals = 3, bonus = new[] { new { currency = "points", amount = 20 } } },
            },
        }, Ct);
        Assert.True(created.IsSuccessStatusCode, $"creating campaign {name}: {(int)created.StatusCode}");
        var campaign = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
        var activated = await admin.PostAsJsonAsync($"api/admin/campaigns/{campaign}/status", new { status = "Active" }, Ct);
        Assert.True(activated.IsSuccessStatusCode, $"activating campaign {name}: {(int)activated.StatusCode}");
        return campaign;
    }

    private static async Task LogInAsync(IPage page, TestUser user, string next)
    {
        await page.GotoAsync($"/login?next={Uri.EscapeDataString(next)}");
        await page.Locator("input[name=email]").FillAsync(user.Email!);
        await page.Locator("input[name=password]").FillAsync(user.Password!);
        await page.Locator("form button[type=submit]").ClickAsync();
    }

    [Fact]
    public async Task AFriendsSignupAppearsLiveOnTheReferrersPageWithRewardToastWalletAndLeaderboard()
    {
        // Two live campaigns, so the page offers a choice; the referrer picks the second.
        await NewCampaignAsync("Autumn invite");
        var campaign = await NewCampaignAsync("Winter invite");
        using var anonymous = web.Api.CreateHttpClient();
        var referrer = await anonymous.RegisterAsync(AuthClient.NewEmail("inviter"), displayName: "Rita Referrer", ct: Ct);

        await using var contextA = await web.NewContextAsync();
        await contextA.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        var page = await contextA.NewPageAsync();
        await LogInAsync(page, referrer, "/invite");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Invite friends", Level = 1 })).ToBeVisibleAsync();
        await page.GetByLabel("Campaign", new() { Exact = true }).SelectOptionAsync(campaign.ToString());
        await Expect(page.GetByTestId("campaign-name")).ToHaveTextAsync("Winter invite");
        await Expect(page.GetByTestId("offer-friend")).ToContainTextAsync("50 points");
        await Expect(page.GetByTestId("offer-you")).ToContainTextAsync("100 points as soon as they sign up");
        await Expect(page.GetByTestId("connection")).ToHaveAttributeAsync("data-state", "connected");

        // The link on the page is the api's, and the QR code encodes it.
        var mine = await web.GetAsync<JsonElement>(referrer, $"api/me/referrals/{campaign}", Ct);
        var link = mine.GetProperty("link").GetString()!;
        await Expect(page.GetByTestId("invite-link")).ToHaveValueAsync(link);
        await Expect(page.GetByTestId("qr")).ToHaveAttributeAsync("data-value", link);
        await Expect(page.GetByTestId("friends-total")).ToHaveTextAsync("(0)");

        await page.GetByRole(AriaRole.Button, new() { Name = "Copy link" }).ClickAsync();
        await Expect(page.GetByTestId("copy-status")).ToHaveTextAsync("Link copied.");
        Assert.Equal(link, await page.EvaluateAsync<string>("() => navigator.clipboard.readText()"));

        // A marker that a reload would wipe.
        await page.EvaluateAsync("() => { window.stillTheSamePage = true; }");

        // The friend opens the link on another phone (another browser profile and user agent, so
        // the fraud rules see a different device) and signs up.
        var agent = await page.EvaluateAsync<string>("() => navigator.userAgent");
        await using var contextB = await web.Browser.NewContextAsync(new()
        {
            BaseURL = web.BaseAddress.ToString(),
            Locale = "en-GB",
            ViewportSize = new() { Width = 390, Height = 800 },
            ServiceWorkers = ServiceWorkerPolicy.Block,
            UserAgent = agent + " FriendPhone/1.0",
        });
        contextB.SetDefaultTimeout(15_000);
        var friendPage = await contextB.NewPageAsync();
        await friendPage.GotoAsync(link);
        await Expect(page.GetByTestId("clicks")).ToHaveTextAsync("1");
        await friendPage.GetByLabel("Display name").FillAsync("Finn Friend");
        await friendPage.GetByLabel("Email").FillAsync(AuthClient.NewEmail("invited"));
        await friendPage.GetByLabel("Password", new() { Exact = true }).FillAsync(AuthClient.Password);
        await friendPage.GetByRole(AriaRole.Button, new() { Name = "Create my account" }).ClickAsync();
        await Expect(friendPage.GetByTestId("who")).ToHaveTextAsync("Finn Friend");

        // On the referrer's page, live: the toast first (it goes away by itself), then the rest.
        var rewardToast = page.GetByTestId("toast").Filter(new() { HasText = "You earned 120 points for inviting Finn Friend." });
        await Expect(rewardToast).ToBeVisibleAsync();
        await rewardToast.HoverAsync(); // toasts stay while the pointer is on them
        var friend = page.GetByTestId("friend").Filter(new() { HasText = "Finn Friend" });
        await Expect(friend).ToHaveAttributeAsync("data-status", "Rewarded");
        await Expect(friend.GetByTestId("friend-status")).ToHaveTextAsync("Rewarded");
        await Expect(friend.GetByTestId("friend-reward")).ToHaveTextAsync("you earned 120 points");
        await Expect(page.GetByTestId("friends-total")).ToHaveTextAsync("(1)");
        await Expect(page.GetByTestId("rewarded-count")).ToHaveTextAsync("1");
        var milestones = page.GetByTestId("milestone");
        await Expect(milestones.Nth(0)).ToHaveAttributeAsync("data-reached", "true");
        await Expect(milestones.Nth(1)).ToHaveAttributeAsync("data-reached", "false");

        // The wallet shows the referrer reward and the first milestone's bonus, as the server holds it.
        await Expect(page.GetByTestId("invite-balance-points")).ToContainTextAsync("120");
        var wallet = await web.GetAsync<JsonElement>(referrer, "api/me/wallet", Ct);
        Assert.Equal(120, wallet.GetProperty("balances").GetProperty("points").GetInt64());
        await Expect(page.GetByTestId("invite-ledger")).ToContainTextAsync("Friend invited");

        // The leaderboard event puts the referrer first with one referral.
        var row = page.Locator($"[data-testid=board-row][data-user='{referrer.Id}']");
        await Expect(row).ToContainTextAsync("Rita Referrer");
        await Expect(row).ToContainTextAsync("1 referral");
        await Expect(page.GetByTestId("own-rank")).ToHaveTextAsync("Your rank: 1 (1 referral)");
        var board = await web.GetAsync<JsonElement>(referrer, $"api/campaigns/{campaign}/leaderboard", Ct);
        Assert.Equal(1, board.GetProperty("own").GetProperty("referrals").GetInt32());

        Assert.True(await page.EvaluateAsync<bool>("() => window.stillTheSamePage === true"), "the referrer's page reloaded");
        var server = await web.GetAsync<JsonElement>(referrer, $"api/me/referrals/{campaign}", Ct);
        Assert.Equal("Rewarded", Assert.Single(server.GetProperty("friends").EnumerateArray()).GetProperty("status").GetString());

        // The screenshot shows the live part: friends, milestones and the toasts over them.
        await page.EvaluateAsync("() => { document.activeElement?.blur(); document.getElementById('invite-friends-title').scrollIntoView(); }");
        await Screenshots.SaveAsync(page, "invite");
        await Axe.AssertNoSeriousViolationsAsync(page, "/invite (live, with toasts)");

        // Escape dismisses the newest toast; the others go away by themselves once the pointer leaves.
        var toasts = page.GetByTestId("toast");
        var shown = await toasts.CountAsync();
        Assert.True(shown >= 1, "no toast left under the pointer");
        await page.Keyboard.PressAsync("Escape");
        await Expect(toasts).ToHaveCountAsync(shown - 1);
        await page.Mouse.MoveAsync(5, 5);
        await Expect(toasts).ToHaveCountAsync(0, new() { Timeout = 20_000 });
    }

    /// <summary>A friend signs up with the code through the api (another device: no browser fingerprint, another user agent).</summary>
    private async Task FriendSignsUpAsync(string code, string name)
    {
        using var http = web.Api.CreateHttpClient();
        http.DefaultRequestHeaders.UserAgent.ParseAdd("FriendApp/2.0");
        var response = await http.PostAsJsonAsync("api/auth/register",
            new { email = AuthClient.NewEmail("friend"), password = AuthClient.Password, displayName = name, locale = "en", referralCode = code }, Ct);
        Assert.True(response.IsSuccessStatusCode, $"signup of {name}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
    }

    [Fact]
    public async Task AfterADroppedConnectionThePageCatchesUpAndWatchesAgain()
    {
        var campaign = await NewCampaignAsync("Reconnect invite");
        using var anonymous = web.Api.CreateHttpClient();
        var referrer = await anonymous.RegisterAsync(AuthClient.NewEmail("reconnect"), displayName: "Remy Referrer", ct: Ct);
        var code = (await web.GetAsync<JsonElement>(referrer, $"api/me/referrals/{campaign}", Ct)).GetProperty("code").GetString()!;

        await using var context = await web.NewContextAsync();
        // Offline emulation leaves an open WebSocket up: keep the page's sockets to cut them (as ReconnectTests does).
        await context.AddInitScriptAsync(
            """
            window.__sockets = [];
            const Native = window.WebSocket;
            window.WebSocket = class extends Native {
              constructor(...args) { super(...args); window.__sockets.push(this); }
            };
            """);
        var page = await context.NewPageAsync();
        await LogInAsync(page, referrer, $"/invite?campaign={campaign}");
        await Expect(page.GetByTestId("campaign-name")).ToHaveTextAsync("Reconnect invite");
        await Expect(page.GetByTestId("connection")).ToHaveAttributeAsync("data-state", "connected");
        await page.EvaluateAsync("() => { window.stillTheSamePage = true; }");
        // Every state the connection badge shows from now on (a reconnect can be quicker than a poll).
        await page.EvaluateAsync("() => { window.__states = []; new MutationObserver(() => window.__states.push(document.querySelector('[data-testid=connection]')?.dataset.state)).observe(document.querySelector('main'), { subtree: true, attributes: true, childList: true }); }");

        // The network goes; a friend joins while the page is cut off.
        await context.SetOfflineAsync(true);
        await page.EvaluateAsync("() => window.__sockets.forEach(s => s.close(4000, 'network lost'))");
        await page.WaitForFunctionAsync("() => window.__states.includes('reconnecting')");
        await FriendSignsUpAsync(code, "Olive Offline");

        // Back online: a new socket, the page reads what it missed...
        await context.SetOfflineAsync(false);
        await Expect(page.GetByTestId("connection")).ToHaveAttributeAsync("data-state", "connected", new() { Timeout = 30_000 });
        var offline = page.GetByTestId("friend").Filter(new() { HasText = "Olive Offline" });
        await Expect(offline).ToHaveAttributeAsync("data-status", "Rewarded");
        await Expect(page.GetByTestId("invite-balance-points")).ToContainTextAsync("120");

        // ...and watches again: the next friend arrives live.
        await FriendSignsUpAsync(code, "Omar Online");
        await Expect(page.GetByTestId("toast").Filter(new() { HasText = "for inviting Omar Online" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("friend").Filter(new() { HasText = "Omar Online" })).ToHaveAttributeAsync("data-status", "Rewarded");
        await Expect(page.GetByTestId("friends-total")).ToHaveTextAsync("(2)");
        await Expect(page.GetByTestId("rewarded-count")).ToHaveTextAsync("2");
        await Expect(page.GetByTestId("invite-balance-points")).ToContainTextAsync("220");
        await Expect(page.Locator($"[data-testid=board-row][data-user='{referrer.Id}']")).ToContainTextAsync("2 referrals");
        Assert.True(await page.EvaluateAsync<bool>("() => window.stillTheSamePage === true"), "the referrer's page reloaded");
        Assert.True(await page.EvaluateAsync<int>("() => window.__sockets.length") >= 2, "no new socket after the drop");
    }

    [Fact]
    public async Task TheInvitePageRendersInFrench()
    {
        var campaign = await NewCampaignAsync("Parrainage de printemps");
        using var anonymous = web.Api.CreateHttpClient();
        var referrer = await anonymous.RegisterAsync(AuthClient.NewEmail("parrain"), displayName: "Paul Parrain", ct: Ct);

        await using var context = await web.NewContextAsync(locale: "fr-FR");
        var page = await context.NewPageAsync();
        await LogInAsync(page, referrer, $"/invite?campaign={campaign}");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Inviter des amis", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("campaign-name")).ToHaveTextAsync("Parrainage de printemps");
        await Expect(page.GetByTestId("offer-friend")).ToHaveTextAsync("Votre ami reçoit 50 points en s'inscrivant avec votre lien.");
        await Expect(page.GetByTestId("offer-you")).ToHaveTextAsync("Vous recevez 100 points dès son inscription.");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Copier le lien" })).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Lien personnel")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("/r/[A-Z0-9]{8}$"));
        await Expect(page.GetByText("Aucun ami inscrit pour l'instant. Partagez votre lien !")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Paliers" })).ToBeVisibleAsync();
        await Expect(page.GetByText("1 ami récompensé : 20 points")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Parrainage" })).ToHaveAttributeAsync("aria-current", "page");
        await Axe.AssertNoSeriousViolationsAsync(page, "/invite (fr)");
    }
}
