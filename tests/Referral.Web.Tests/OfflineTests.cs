using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Referral.Web.Tests;

/// <summary>The installable app: manifest, icons, and the service worker's offline page.</summary>
[Collection(WebGroup.Name)]
public sealed class OfflineTests(WebFixture web)
{
    [Fact]
    public async Task TheManifestAndIconsAreServedAndTheOfflinePageShowsWithoutNetwork()
    {
        await using var context = await web.Browser.NewContextAsync(new() { BaseURL = web.BaseAddress.ToString(), ServiceWorkers = ServiceWorkerPolicy.Allow });
        var page = await context.NewPageAsync();
        var manifest = await page.GotoAsync("/manifest.webmanifest");
        Assert.Equal(200, manifest!.Status);
        Assert.Contains("\"display\": \"standalone\"", await manifest.TextAsync(), StringComparison.Ordinal);
        foreach (var icon in new[] { "/icons/icon-192.png", "/icons/icon-512.png", "/icons/icon-maskable-512.png" })
        {
            var response = await page.GotoAsync(icon);
            Assert.Equal("image/png", response!.Headers["content-type"]);
        }

        await page.GotoAsync("/");
        // The worker installed (the shell is cached) and controls the page.
        await page.EvaluateAsync("async () => { await navigator.serviceWorker.ready; }");
        await page.ReloadAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => navigator.serviceWorker.controller !== null"), "no service worker controls the page");

        await context.SetOfflineAsync(true);
        await page.GotoAsync("/join?pin=123456");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "You are offline" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Vous êtes hors ligne" })).ToBeVisibleAsync();
        await context.SetOfflineAsync(false);
    }
}
