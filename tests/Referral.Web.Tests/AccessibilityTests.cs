using Microsoft.Playwright;
using Referral.Testing;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Referral.Web.Tests;

/// <summary>axe-core finds no serious or critical violation on the main pages, in both languages.</summary>
[Collection(WebGroup.Name)]
public sealed class AccessibilityTests(WebFixture web)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("en-GB")]
    [InlineData("fr-FR")]
    public async Task MainPagesHaveNoSeriousViolations(string locale)
    {
        await using var context = await web.NewContextAsync(locale: locale);
        var page = await context.NewPageAsync();
        foreach (var path in new[] { "/", "/login", "/signup", "/join?pin=123456", "/no-such-page" })
        {
            await page.GotoAsync(path);
            await Expect(page.Locator("main h1")).ToBeVisibleAsync();
            await Axe.AssertNoSeriousViolationsAsync(page, path);
        }

        // Signed in as a host: the wallet, the referral page, the quiz list and the editor.
        var hostUser = await web.NewHostAsync("Axe Host", Ct);
        await page.GotoAsync("/login?next=/wallet");
        await page.Locator("input[name=email]").FillAsync(hostUser.Email!);
        await page.Locator("input[name=password]").FillAsync(hostUser.Password!);
        await page.Locator("form button[type=submit]").ClickAsync();
        await Expect(page.GetByTestId("balance-points")).ToBeVisibleAsync();
        await Axe.AssertNoSeriousViolationsAsync(page, "/wallet");

        // The referral page, with whatever campaigns the other tests left live (or none).
        await page.GotoAsync("/invite");
        await Expect(page.GetByTestId("campaign-name").Or(page.GetByTestId("no-campaign"))).ToBeVisibleAsync();
        await Axe.AssertNoSeriousViolationsAsync(page, "/invite");

        foreach (var path in new[] { "/host", "/host/quizzes/new" })
        {
            await page.GotoAsync(path);
            await Expect(page.Locator("main h1")).ToBeVisibleAsync();
            await Axe.AssertNoSeriousViolationsAsync(page, path);
        }
    }
}
