using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Referral.Web.Tests;

/// <summary>French and English: chosen from the browser, switchable, remembered.</summary>
[Collection(WebGroup.Name)]
public sealed class LocalizationTests(WebFixture web)
{
    [Fact]
    public async Task AFrenchBrowserGetsFrenchAndTheChoiceOfEnglishIsRemembered()
    {
        await using var context = await web.NewContextAsync(locale: "fr-FR");
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Rejoindre une partie" })).ToBeVisibleAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "fr");
        await Expect(page.GetByLabel("Code PIN de la partie")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "home-fr");

        await page.GetByTestId("language").SelectOptionAsync("en");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Join a game" })).ToBeVisibleAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");

        await page.ReloadAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Join a game" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task AnEnglishBrowserGetsEnglishAndErrorsAreTranslated()
    {
        await using var context = await web.NewContextAsync(locale: "en-US");
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Join a game" })).ToBeVisibleAsync();
        await page.GetByTestId("pin-input").FillAsync("12");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enter" }).ClickAsync();
        await Expect(page.GetByText("A PIN has six digits.")).ToBeVisibleAsync();

        await page.GetByTestId("language").SelectOptionAsync("fr");
        await page.GotoAsync("/join?pin=000000");
        await page.GetByTestId("nickname").FillAsync("Zoé");
        await page.GetByTestId("join-submit").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Aucune partie en cours n'a ce code PIN.");
    }
}
