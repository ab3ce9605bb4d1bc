using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Referral.Testing;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Referral.Web.Tests;

/// <summary>A referral link opened in a fresh browser lands on signup with the code kept, and the signup pays both sides.</summary>
[Collection(WebGroup.Name)]
public sealed class ReferralLinkTests(WebFixture web)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AReferralLinkLeadsToASignupThatRewardsTheReferrer()
    {
        using var admin = web.Api.CreateHttpClient(await web.Api.AdminAsync(Ct));
        var created = await admin.PostAsJsonAsync("api/admin/campaigns", new
        {
            name = "Browser invite",
            qualifyingEvent = "Signup",
            referrerRewards = new[] { new { currency = "points", amount = 100 } },
            refereeRewards = new[] { new { currency = "points", amount = 50 } },
        }, Ct);
        var campaign = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
        await admin.PostAsJsonAsync($"api/admin/campaigns/{campaign}/status", new { status = "Active" }, Ct);

        using var anonymous = web.Api.CreateHttpClient();
        var referrer = await anonymous.GuestAsync(displayName: "Ivy Inviter", ct: Ct);
        using var asReferrer = web.Api.CreateHttpClient(referrer);
        var page0 = await asReferrer.GetFromJsonAsync<JsonElement>($"api/me/referrals/{campaign}", Ct);
        var link = page0.GetProperty("link").GetString()!;

        await using var context = await web.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(link);
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/signup\\?ref=[A-Z0-9]{8}$"));
        await Expect(page.GetByLabel("Referral code (optional)")).ToHaveValueAsync(page0.GetProperty("code").GetString()!);
        await page.GetByLabel("Display name").FillAsync("Finn Friend");
        await page.GetByLabel("Email").FillAsync(AuthClient.NewEmail("invited"));
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(AuthClient.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create my account" }).ClickAsync();
        await Expect(page.GetByTestId("who")).ToHaveTextAsync("Finn Friend");

        var after = await asReferrer.GetFromJsonAsync<JsonElement>($"api/me/referrals/{campaign}", Ct);
        Assert.Equal(1, after.GetProperty("clicks").GetInt64());
        var friend = Assert.Single(after.GetProperty("friends").EnumerateArray());
        Assert.Equal("Finn Friend", friend.GetProperty("name").GetString());
        Assert.Equal("Rewarded", friend.GetProperty("status").GetString());

        // A dead link still lands on signup, which says so.
        await page.GotoAsync("/r/ZZZZZZZZ");
        await Expect(page.GetByText("That invitation link is not valid any more. You can still sign up.")).ToBeVisibleAsync();
    }

    /// <summary>Signs the page's user in again with its stored refresh token (stored back, as the app would) and returns the access token.</summary>
    private const string AccessTokenOfPage =
        """
        async () => {
          const response = await fetch('/api/auth/refresh', { method: 'POST', headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ refreshToken: localStorage.getItem('referral.refresh') }) });
          const auth = await response.json();
          localStorage.setItem('referral.refresh', auth.refreshToken);
          return auth.accessToken;
        }
        """;

    [Fact]
    public async Task ASignupFromTheReferrersOwnBrowserIsASelfReferral()
    {
        using var admin = web.Api.CreateHttpClient(await web.Api.AdminAsync(Ct));
        var created = await admin.PostAsJsonAsync("api/admin/campaigns", new
        {
            name = "Same device",
            qualifyingEvent = "Signup",
            referrerRewards = new[] { new { currency = "points", amount = 100 } },
        }, Ct);
        var campaign = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
        await admin.PostAsJsonAsync($"api/admin/campaigns/{campaign}/status", new { status = "Active" }, Ct);

        // The referrer signs up in this browser: the client sends its device fingerprint.
        await using var context = await web.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/signup");
        await page.GetByLabel("Display name").FillAsync("Rae Referrer");
        await page.GetByLabel("Email").FillAsync(AuthClient.NewEmail("device-referrer"));
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(AuthClient.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create my account" }).ClickAsync();
        await Expect(page.GetByTestId("who")).ToHaveTextAsync("Rae Referrer");
        using var asReferrer = web.Api.CreateHttpClient(await page.EvaluateAsync<string>(AccessTokenOfPage));
        var link = (await asReferrer.GetFromJsonAsync<JsonElement>($"api/me/referrals/{campaign}", Ct)).GetProperty("link").GetString()!;

        // A "friend" signs up from the same device.
        await page.GetByRole(AriaRole.Button, new() { Name = "Log out" }).ClickAsync();
        await page.GotoAsync(link);
        await page.GetByLabel("Display name").FillAsync("Rae Again");
        var friendEmail = AuthClient.NewEmail("device-friend");
        await page.GetByLabel("Email").FillAsync(friendEmail);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(AuthClient.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create my account" }).ClickAsync();
        await Expect(page.GetByTestId("who")).ToHaveTextAsync("Rae Again");
        var friendId = (await web.Api.CreateHttpClient().LoginAsync(friendEmail, ct: Ct)).Id;

        // The browser's install id and device fingerprint are the referrer's: rejected, nothing paid.
        var view = await admin.GetFromJsonAsync<JsonElement>($"api/admin/referrals/{friendId}", Ct);
        var rules = view.GetProperty("signals").EnumerateArray().Select(s => s.GetProperty("rule").GetString()).ToList();
        Assert.Contains("same_device_id", rules);
        Assert.Contains("same_device_fingerprint", rules);
        Assert.Equal("Rejected", view.GetProperty("status").GetString());
        Assert.Equal("self_referral", view.GetProperty("reason").GetString());
        Assert.Empty(view.GetProperty("grants").EnumerateArray());
    }
}
