using Microsoft.Playwright;
using Referral.Testing;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Referral.Web.Tests;

/// <summary>Sign-up, a reload that keeps the session (refresh token), sign-out and sign-in again.</summary>
[Collection(WebGroup.Name)]
public sealed class SessionTests(WebFixture web)
{
    [Fact]
    public async Task ASignedUpUserStaysSignedInAcrossReloadsUntilLoggingOut()
    {
        await using var context = await web.NewContextAsync();
        var page = await context.NewPageAsync();
        var email = AuthClient.NewEmail("session");
        await page.GotoAsync("/signup?next=/wallet");
        await page.GetByLabel("Display name").FillAsync("Sam Session");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(AuthClient.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create my account" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "My wallet" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("who")).ToHaveTextAsync("Sam Session");

        // The access token (a JWT) lives in memory only: nothing the page stores holds one.
        var stored = await page.EvaluateAsync<string[]>("() => [...Object.values(localStorage), ...Object.values(sessionStorage)]");
        Assert.DoesNotContain(stored, v => v.StartsWith("eyJ", StringComparison.Ordinal));

        // A reload loses the in-memory access token; the stored refresh token brings the session back.
        var firstRefresh = await page.EvaluateAsync<string>("() => localStorage.getItem('referral.refresh')");
        await page.ReloadAsync();
        await Expect(page.GetByTestId("balance-points")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("0\\s*points"));
        var secondRefresh = await page.EvaluateAsync<string>("() => localStorage.getItem('referral.refresh')");
        Assert.StartsWith("rt1.", secondRefresh, StringComparison.Ordinal);
        Assert.NotEqual(firstRefresh, secondRefresh);

        await page.GetByRole(AriaRole.Button, new() { Name = "Log out" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Link, new() { Name = "Log in" })).ToBeVisibleAsync();
        Assert.Null(await page.EvaluateAsync<string?>("() => localStorage.getItem('referral.refresh')"));

        // The ended session's refresh token no longer works on the server either.
        using var http = web.Api.CreateHttpClient();
        using var refused = await http.PostAsync(new Uri("api/auth/refresh", UriKind.Relative),
            System.Net.Http.Json.JsonContent.Create(new { refreshToken = secondRefresh }), TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, refused.StatusCode);

        await page.GotoAsync("/wallet");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/login\\?next=%2Fwallet$"));
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(AuthClient.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "My wallet" })).ToBeVisibleAsync();
    }
}
