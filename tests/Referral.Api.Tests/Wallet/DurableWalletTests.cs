using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Core.Internal;
using Referral.Api.Tests.Rooms;
using Referral.Grains.Abstractions.Wallet;
using Referral.Testing;
using Xunit;

namespace Referral.Api.Tests.Wallet;

/// <summary>The wallet in PostgreSQL mode: grants made through the grain read back through the api.</summary>
public sealed class DurableWalletTests(DurableApiFixture durable) : IClassFixture<DurableApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GrantsThroughTheGrainSurviveReactivationFromPostgresAndReadBackThroughTheApi()
    {
        var api = durable.Api;
        using var anonymous = api.CreateHttpClient();
        var user = await anonymous.GuestAsync(ct: Ct);
        using var http = api.CreateHttpClient(user);

        var wallet = api.Services.GetRequiredService<IGrainFactory>().GetGrain<IRewardWalletGrain>(user.Id);
        var grant = await wallet.Grant(new WalletEntryRequest(Currencies.Points, 250, "signup bonus", "campaign-1", "signup:1"));
        Assert.True(grant.Ok, grant.Detail);
        Assert.True((await wallet.Grant(new WalletEntryRequest(Currencies.Spins, 3, "welcome spins", null, "spins:1"))).Ok);
        Assert.True((await wallet.Debit(new WalletEntryRequest(Currencies.Points, 50, "redeem", null, "redeem:1"))).Ok);
        Assert.Equal(grant.Entry, (await wallet.Grant(new WalletEntryRequest(Currencies.Points, 250, "signup bonus", "campaign-1", "signup:1"))).Entry);

        // The next read activates the wallet afresh from its PostgreSQL row.
        await wallet.Cast<IGrainManagementExtension>().DeactivateOnIdle(Ct);
        Assert.Equal(grant.Entry, (await wallet.Grant(new WalletEntryRequest(Currencies.Points, 250, "signup bonus", "campaign-1", "signup:1"))).Entry);

        var body = await http.GetFromJsonAsync<JsonElement>("api/me/wallet?take=2", Ct);

        Assert.Equal(200, body.GetProperty("balances").GetProperty("points").GetInt64());
        Assert.Equal(3, body.GetProperty("balances").GetProperty("spins").GetInt64());
        Assert.Equal(3, body.GetProperty("total").GetInt32());
        var entries = body.GetProperty("entries");
        Assert.Equal(2, entries.GetArrayLength());
        Assert.Equal(-50, entries[0].GetProperty("amount").GetInt64());
        Assert.Equal("redeem:1", entries[0].GetProperty("idempotencyKey").GetString());
        Assert.Equal("spins", entries[1].GetProperty("currency").GetString());
    }
}
