using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Referral.Grains.Abstractions.Wallet;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Referral.Web.Tests;

/// <summary>The wallet page shows the server's balances and ledger, newest first, a page at a time.</summary>
[Collection(WebGroup.Name)]
public sealed class WalletTests(WebFixture web)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheWalletShowsBalancesAndTheLedgerPageByPage()
    {
        var user = await web.NewHostAsync("Wallet Owner", Ct);

        // No api grants rewards yet (referrals and the wheel will): write the ledger through the grain.
        var wallet = web.Api.Services.GetRequiredService<IGrainFactory>().GetGrain<IRewardWalletGrain>(user.Id);
        for (var i = 1; i <= 22; i++)
        {
            Assert.True((await wallet.Grant(new WalletEntryRequest(Currencies.Points, i * 10, "quiz", null, $"web-test:{i}"))).Ok);
        }

        Assert.True((await wallet.Grant(new WalletEntryRequest(Currencies.Spins, 3, "bonus", null, "web-test:spins"))).Ok);
        Assert.True((await wallet.Debit(new WalletEntryRequest(Currencies.Spins, 1, "spin", null, "web-test:spin"))).Ok);
        var balances = await wallet.Balances();

        await using var context = await web.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/login?next=/wallet");
        await page.GetByLabel("Email").FillAsync(user.Email!);
        await page.GetByLabel("Password").FillAsync(user.Password!);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();

        await Expect(page.GetByTestId("balance-points")).ToContainTextAsync(balances[Currencies.Points].ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("en-GB")));
        await Expect(page.GetByTestId("balance-spins")).ToContainTextAsync(balances[Currencies.Spins].ToString(System.Globalization.CultureInfo.InvariantCulture));
        var rows = page.GetByTestId("ledger").Locator("tbody tr");
        await Expect(rows).ToHaveCountAsync(20);
        await Expect(rows.First).ToContainTextAsync("-1 spins");
        await Screenshots.SaveAsync(page, "wallet");

        await page.GetByRole(AriaRole.Button, new() { Name = "Older" }).ClickAsync();
        await Expect(rows).ToHaveCountAsync(4);
        await Expect(rows.Last).ToContainTextAsync("+10 points");
        await Expect(page.GetByText("21–24 of 24")).ToBeVisibleAsync();
    }
}
