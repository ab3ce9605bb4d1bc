using Microsoft.Playwright;
using Referral.Testing;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Referral.Web.Tests;

/// <summary>Sign-up, a reload that keeps the session (refresh token), sign-out and sign-in again.</summary>
[Collection(WebGroup.Name)]
public sealed class SessionTests(WebFixture web)
{
    /// <summary>The signed-in user's id, read with the page's own refresh token (stored back, as the app would).</summary>
    private const string CurrentUserId =
        """
        async () => {
          const response = await fetch('/api/auth/refresh', { method: 'POST', headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ refreshToken: localStorage.getItem('referral.refresh') }) });
          const auth = await response.json();
          localStorage.setItem('referral.refresh', auth.refreshToken);
          return auth.user.id;
        }
        """;

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

    [Fact]
    public async Task AGuestUpgradesToAnEmailAccountAndKeepsTheSameUser()
    {
        await using var context = await web.NewContextAsync();
        var page = await context.NewPageAsync();

        // Joining as a guest signs in first (the PIN then turns out to open no room).
        await page.GotoAsync("/join?pin=000000");
        await page.GetByTestId("nickname").FillAsync("Gus");
        await page.GetByTestId("join-submit").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("No live game has this PIN.");
        await page.GotoAsync("/");
        await Expect(page.GetByTestId("guest-hint")).ToBeVisibleAsync();
        var guestId = await page.EvaluateAsync<string>(CurrentUserId);

        await page.GetByTestId("guest-hint").GetByRole(AriaRole.Link).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Keep your account" })).ToBeVisibleAsync();
        await page.GetByLabel("Email").FillAsync(AuthClient.NewEmail("upgrade"));
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(AuthClient.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create my account" }).ClickAsync();
        await Expect(page.GetByTestId("who")).ToHaveTextAsync("Gus");
        await Expect(page.GetByTestId("guest-hint")).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Host" })).ToBeVisibleAsync();

        var upgradedId = await page.EvaluateAsync<string>(CurrentUserId);
        Assert.Equal(guestId, upgradedId);
    }
}
