using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Referral.Testing;
using Xunit;

namespace Referral.Api.Tests.Wallet;

/// <summary>The wallet endpoint in single-node mode: a fresh user's wallet and paging rules.</summary>
public sealed class WalletApiTests(ReferralApiFactory api) : IClassFixture<ReferralApiFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ANewGuestHasZeroBalancesAndAnEmptyLedger()
    {
        using var anonymous = api.CreateHttpClient();
        using var http = api.CreateHttpClient(await anonymous.GuestAsync(ct: Ct));

        var wallet = await http.GetFromJsonAsync<JsonElement>("api/me/wallet", Ct);

        Assert.Equal(0, wallet.GetProperty("balances").GetProperty("points").GetInt64());
        Assert.Equal(0, wallet.GetProperty("balances").GetProperty("spins").GetInt64());
        Assert.Equal(0, wallet.GetProperty("entries").GetArrayLength());
        Assert.Equal(0, wallet.GetProperty("total").GetInt32());
        Assert.Equal(20, wallet.GetProperty("take").GetInt32());
    }

    [Theory]
    [InlineData("take=0", "take")]
    [InlineData("take=101", "take")]
    [InlineData("skip=-1", "skip")]
    public async Task PagingOutsideItsBoundsIsRefusedNamingTheField(string query, string field)
    {
        using var anonymous = api.CreateHttpClient();
        using var http = api.CreateHttpClient(await anonymous.GuestAsync(ct: Ct));

        var response = await http.GetAsync(new Uri($"api/me/wallet?{query}", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"{query}: no error for '{field}': {problem}");
    }

    [Fact]
    public async Task TheLargestPageIsAllowed()
    {
        using var anonymous = api.CreateHttpClient();
        using var http = api.CreateHttpClient(await anonymous.GuestAsync(ct: Ct));

        var response = await http.GetAsync(new Uri("api/me/wallet?skip=0&take=100", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
