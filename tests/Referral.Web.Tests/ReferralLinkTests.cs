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
}
