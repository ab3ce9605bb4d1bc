using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Referral.Api.Tests.Auth;
using Referral.Grains.Abstractions.Wallet;
using Referral.Testing;
using Xunit;

namespace Referral.Api.Tests.Wallet;

/// <summary>Admins fill code pools; a granted code shows in its owner's wallet and nobody else's.</summary>
public sealed class CodePoolApiTests(ReferralApiFactory api) : IClassFixture<ReferralApiFactory>
{
    private static readonly string[] Batch = ["SAVE-0001", "SAVE-0002", "save-0001", "??"];
    private static readonly string[] OneCode = ["ABCD-1"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnAdminCreatesAPoolAddsCodesAndAGrantedCodeIsVisibleOnlyToItsOwner()
    {
        using var admin = api.CreateHttpClient(await api.AdminAsync(Ct));
        var id = "launch-" + Guid.NewGuid().ToString("N")[..8];

        var created = await admin.PostAsJsonAsync("api/admin/code-pools", new { id, name = "Launch coupons", description = "10% off" }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        await ProblemAssert.Is(
            await admin.PostAsJsonAsync("api/admin/code-pools", new { id, name = "Another name" }, Ct), HttpStatusCode.Conflict, "pool_exists");

        var added = await admin.PostAsJsonAsync($"api/admin/code-pools/{id}/codes", new { codes = Batch }, Ct);
        var batch = await added.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(2, batch.GetProperty("added").GetInt32());
        Assert.Equal(1, batch.GetProperty("duplicates").GetInt32());
        Assert.Equal(1, batch.GetProperty("invalidCount").GetInt32());

        var list = await admin.GetFromJsonAsync<JsonElement>("api/admin/code-pools", Ct);
        Assert.Contains(list.EnumerateArray(), p => p.GetProperty("id").GetString() == id && p.GetProperty("available").GetInt32() == 2);

        using var anonymous = api.CreateHttpClient();
        var owner = await anonymous.GuestAsync(ct: Ct);
        var other = await anonymous.GuestAsync(ct: Ct);
        var wallet = api.Services.GetRequiredService<IGrainFactory>().GetGrain<IRewardWalletGrain>(owner.Id);
        var granted = await wallet.GrantCode(new CodeGrantRequest(id, "launch promo", null, "launch:1"));
        Assert.True(granted.Ok, granted.Detail);

        using var ownerHttp = api.CreateHttpClient(owner);
        var mine = await ownerHttp.GetFromJsonAsync<JsonElement>("api/me/wallet", Ct);
        var code = Assert.Single(mine.GetProperty("codes").EnumerateArray());
        Assert.Equal("SAVE-0001", code.GetProperty("code").GetString());
        Assert.Equal(id, code.GetProperty("poolId").GetString());
        Assert.Equal("SAVE-0001", mine.GetProperty("entries")[0].GetProperty("code").GetString());

        using var otherHttp = api.CreateHttpClient(other);
        var theirs = await otherHttp.GetFromJsonAsync<JsonElement>("api/me/wallet", Ct);
        Assert.Equal(0, theirs.GetProperty("codes").GetArrayLength());
        Assert.DoesNotContain("SAVE-0001", theirs.ToString(), StringComparison.Ordinal);

        var view = await admin.GetFromJsonAsync<JsonElement>($"api/admin/code-pools/{id}", Ct);
        Assert.Equal(1, view.GetProperty("issued").GetInt32());
        Assert.DoesNotContain("SAVE-0002", view.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadPoolRequestsAreRefusedWithStableCodes()
    {
        using var admin = api.CreateHttpClient(await api.AdminAsync(Ct));

        await ProblemAssert.Is(await admin.PostAsJsonAsync("api/admin/code-pools", new { id = "Bad Id", name = "x" }, Ct), HttpStatusCode.BadRequest, "validation_failed", "id");
        await ProblemAssert.Is(await admin.PostAsJsonAsync("api/admin/code-pools", new { id = "no-name", name = "" }, Ct), HttpStatusCode.BadRequest, "validation_failed", "name");
        await ProblemAssert.Is(await admin.GetAsync(new Uri("api/admin/code-pools/nope-nope", UriKind.Relative), Ct), HttpStatusCode.NotFound, "pool_not_found");
        await ProblemAssert.Is(
            await admin.PostAsJsonAsync("api/admin/code-pools/nope-nope/codes", new { codes = OneCode }, Ct), HttpStatusCode.NotFound, "pool_not_found");
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("api/admin/code-pools", new { id = "empty-batch", name = "x" }, Ct)).StatusCode);
        await ProblemAssert.Is(
            await admin.PostAsJsonAsync("api/admin/code-pools/empty-batch/codes", new { codes = Array.Empty<string>() }, Ct), HttpStatusCode.BadRequest, "validation_failed", "codes");
    }
}
