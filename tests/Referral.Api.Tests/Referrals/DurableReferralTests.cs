using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Referral.Api.Tests.Auth;
using Referral.Grains.Referrals;
using Referral.Testing;
using Xunit;

namespace Referral.Api.Tests.Referrals;

/// <summary>
/// Exactly-once rewards in PostgreSQL mode: a crash between the two grants of a payout, then a
/// restart on the same database, ends with both wallets paid exactly once.
/// </summary>
public sealed class DurableReferralTests : IAsyncLifetime
{
    private readonly PostgresServer _postgres = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => _postgres.InitializeAsync();

    public ValueTask DisposeAsync() => _postgres.DisposeAsync();

    private static ReferralApiFactory Durable(string connectionString, IReferralFaults? faults)
    {
        var api = new ReferralApiFactory();
        api.Settings["ConnectionStrings:Referral"] = connectionString;
        api.Settings["Referrals:FirstRetryDelay"] = "00:00:00.200";
        api.Settings["Referrals:MaxRetryDelay"] = "00:00:01";
        if (faults is not null)
        {
            api.TestServices = s => s.AddSingleton(faults);
        }

        return api;
    }

    private static async Task<long> Balance(HttpClient http, string currency) =>
        (await http.GetFromJsonAsync<JsonElement>("api/me/wallet", Ct)).GetProperty("balances").GetProperty(currency).GetInt64();

    [Fact]
    public async Task ACrashBetweenTheTwoGrantsEndsWithBothPaidExactlyOnceAfterRestart()
    {
        var connectionString = await _postgres.CreateDatabaseAsync();
        var crash = new CrashBetweenGrants();
        TestUser referrer;
        TestUser friend;

        await using (var first = Durable(connectionString, crash))
        {
            await first.InitializeAsync();
            using var http = first.CreateHttpClient();
            await Eventually.Get(http, "health/ready", HttpStatusCode.OK, TimeSpan.FromSeconds(60), Ct);
            using var admin = first.CreateHttpClient(await first.AdminAsync(Ct));
            var campaign = await AccountsApiFixture.CreateCampaignAsync(admin, Ct);

            referrer = await http.GuestAsync(displayName: "Crash Referrer", ct: Ct);
            using var asReferrer = first.CreateHttpClient(referrer);
            asReferrer.DefaultRequestHeaders.UserAgent.ParseAdd("ReferrerPhone/1.0");
            var code = (await asReferrer.GetFromJsonAsync<JsonElement>($"api/me/referrals/{campaign}", Ct)).GetProperty("code").GetString();

            using var friendBrowser = first.CreateHttpClient();
            friendBrowser.DefaultRequestHeaders.UserAgent.ParseAdd("FriendLaptop/2.0");
            var registered = await friendBrowser.PostAsJsonAsync("api/auth/register", new
            {
                email = AuthClient.NewEmail("crash"), password = AuthClient.Password, displayName = "Crash Friend", locale = "en", referralCode = code,
            }, Ct);
            friend = await AuthClient.ReadUser(registered, HttpStatusCode.Created, "friend", null, null, null, Ct);

            // The referrer's grant reached the wallet; the friend's never ran, whatever the retries.
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (crash.Crashes < 3 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(100, Ct);
            }

            Assert.True(crash.Crashes >= 3, $"the payout should have been retried and crashed again; crashes: {crash.Crashes}");
            Assert.Equal(100, await Balance(asReferrer, "points"));
            using var asFriend = first.CreateHttpClient(friend);
            Assert.Equal(0, await Balance(asFriend, "points"));
            Assert.Equal("Approved", (await asFriend.GetFromJsonAsync<JsonElement>("api/me/referral", Ct)).GetProperty("status").GetString());
        }

        // The process is gone. A new one on the same database, without the fault, finishes the
        // payout from the outbox and reminder stored in PostgreSQL, with nobody touching the referral.
        await using var second = Durable(connectionString, null);
        await second.InitializeAsync();
        using (var probe = second.CreateHttpClient())
        {
            await Eventually.Get(probe, "health/ready", HttpStatusCode.OK, TimeSpan.FromSeconds(60), Ct);
        }

        // Access tokens of the first process stay valid: same signing keys, sessions in PostgreSQL.
        using var referrerAgain = second.CreateHttpClient(referrer);
        using var friendAgain = second.CreateHttpClient(friend);
        var until = DateTime.UtcNow.AddSeconds(120);
        while (await Balance(friendAgain, "points") == 0 && DateTime.UtcNow < until)
        {
            await Task.Delay(500, Ct);
        }

        Assert.Equal(50, await Balance(friendAgain, "points"));
        Assert.Equal(100, await Balance(referrerAgain, "points"));
        var ledger = await referrerAgain.GetFromJsonAsync<JsonElement>("api/me/wallet", Ct);
        Assert.Equal(1, ledger.GetProperty("total").GetInt32());
        var mine = await friendAgain.GetFromJsonAsync<JsonElement>("api/me/referral", Ct);
        Assert.Equal("Rewarded", mine.GetProperty("status").GetString());
    }
}
