using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Referral.Api.Tests.Auth;
using Referral.Testing;
using Xunit;

namespace Referral.Api.Tests.Operations;

/// <summary>
/// <c>GET /api/admin/ops</c> on its own api, so every change it sees was made by these tests
/// (the class's tests run one after another): exact deltas, not "at least".
/// </summary>
public sealed class OperationsApiTests(ReferralApiFactory api) : IClassFixture<ReferralApiFactory>
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(15);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<JsonElement> OpsAsync()
    {
        using var admin = api.CreateHttpClient(await api.AdminAsync(Ct));
        var response = await admin.GetAsync(new Uri("api/admin/ops", UriKind.Relative), Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, "ops: " + await response.Content.ReadAsStringAsync(Ct));
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    /// <summary>Hub connects and disconnects finish on the server after the client's call returns: wait for them, with a deadline.</summary>
    private async Task OpsUntilAsync(string field, long expected, string what)
    {
        var deadline = DateTime.UtcNow + Within;
        long seen;
        while ((seen = (await OpsAsync()).GetProperty(field).GetInt64()) != expected)
        {
            Assert.True(DateTime.UtcNow < deadline, $"{what}: {field} stayed {seen}, expected {expected}");
            await Task.Delay(100, Ct);
        }
    }

    [Fact]
    public async Task TheViewHasEveryFigureAndTheTimeOfReading()
    {
        var before = DateTimeOffset.UtcNow;
        var ops = await OpsAsync();
        var at = ops.GetProperty("at").GetDateTimeOffset();
        Assert.InRange(at, before.AddSeconds(-1), DateTimeOffset.UtcNow.AddSeconds(1));
        Assert.Equal(DateOnly.FromDateTime(at.UtcDateTime), DateOnly.Parse(ops.GetProperty("day").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        foreach (var field in new[] { "playersOnline", "activeRooms", "signupsToday", "referralsToday" })
        {
            Assert.True(ops.GetProperty(field).GetInt64() >= 0, field);
        }

        Assert.Equal(1, ops.GetProperty("apiNodes").GetInt32());
    }

    [Fact]
    public async Task AnOpenHubConnectionCountsAsAPlayerOnlineUntilItCloses()
    {
        using var anonymous = api.CreateHttpClient();
        var guest = await anonymous.GuestAsync(displayName: "Online Olga", ct: Ct);
        var before = (await OpsAsync()).GetProperty("playersOnline").GetInt64();

        await using (var hub = api.CreateHubConnection(guest))
        {
            await hub.StartAsync(Ct);
            await OpsUntilAsync("playersOnline", before + 1, "after connecting");
        }

        await OpsUntilAsync("playersOnline", before, "after disconnecting");
    }

    [Fact]
    public async Task ANewGuestCountsAsASignupTodayButTheSameDeviceAgainDoesNot()
    {
        var before = await OpsAsync();
        using var anonymous = api.CreateHttpClient();
        var guest = await anonymous.GuestAsync(displayName: "New Nina", ct: Ct);
        var after = await OpsAsync();
        Assert.Equal(before.GetProperty("signupsToday").GetInt64() + 1, after.GetProperty("signupsToday").GetInt64());
        Assert.Equal(before.GetProperty("referralsToday").GetInt64(), after.GetProperty("referralsToday").GetInt64());

        await anonymous.GuestAsync(deviceId: guest.DeviceId, displayName: "New Nina", ct: Ct);
        Assert.Equal(after.GetProperty("signupsToday").GetInt64(), (await OpsAsync()).GetProperty("signupsToday").GetInt64());
    }

    [Fact]
    public async Task ASignupWithAReferralCodeCountsAsASignupAndAReferral()
    {
        using var admin = api.CreateHttpClient(await api.AdminAsync(Ct));
        var campaign = await AccountsApiFixture.CreateCampaignAsync(admin, Ct);
        using var anonymous = api.CreateHttpClient();
        var referrer = await anonymous.GuestAsync(displayName: "Referrer Rita", ct: Ct);
        using var referrerHttp = api.CreateHttpClient(referrer);
        var code = (await referrerHttp.GetFromJsonAsync<JsonElement>($"api/me/referrals/{campaign}", Ct)).GetProperty("code").GetString();

        var before = await OpsAsync();
        var registered = await anonymous.PostAsJsonAsync("api/auth/register", new
        {
            email = AuthClient.NewEmail("referred"), password = AuthClient.Password, displayName = "Friend Fred", locale = "en", referralCode = code,
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        await anonymous.RegisterAsync(ct: Ct);

        var after = await OpsAsync();
        Assert.Equal(before.GetProperty("signupsToday").GetInt64() + 2, after.GetProperty("signupsToday").GetInt64());
        Assert.Equal(before.GetProperty("referralsToday").GetInt64() + 1, after.GetProperty("referralsToday").GetInt64());
    }

    [Fact]
    public async Task AnOpenedRoomIsActiveUntilItsGameEnds()
    {
        using var anonymous = api.CreateHttpClient();
        var host = await anonymous.RegisterAsync(AuthClient.NewEmail("ops-host"), ct: Ct);
        using var hostHttp = api.CreateHttpClient(host);
        var quiz = await AccountsApiFixture.CreateQuizAsync(hostHttp, Ct);
        var before = (await OpsAsync()).GetProperty("activeRooms").GetInt64();

        var opened = await hostHttp.PostAsJsonAsync("api/rooms", new { quizId = quiz }, Ct);
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        var roomId = (await opened.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("roomId").GetGuid();
        Assert.Equal(before + 1, (await OpsAsync()).GetProperty("activeRooms").GetInt64());

        await using var hub = api.CreateHubConnection(host);
        await hub.StartAsync(Ct);
        await hub.InvokeAsync<JsonElement>("EndGame", roomId, Ct);
        Assert.Equal(before, (await OpsAsync()).GetProperty("activeRooms").GetInt64());
    }

    [Fact]
    public async Task OnlyAdminsReadTheView()
    {
        using var anonymous = api.CreateHttpClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(new Uri("api/admin/ops", UriKind.Relative), Ct)).StatusCode);
        var player = await anonymous.GuestAsync(ct: Ct);
        using var playerHttp = api.CreateHttpClient(player);
        Assert.Equal(HttpStatusCode.Forbidden, (await playerHttp.GetAsync(new Uri("api/admin/ops", UriKind.Relative), Ct)).StatusCode);
        var host = await anonymous.RegisterAsync(ct: Ct);
        using var hostHttp = api.CreateHttpClient(host);
        Assert.Equal(HttpStatusCode.Forbidden, (await hostHttp.GetAsync(new Uri("api/admin/ops", UriKind.Relative), Ct)).StatusCode);
    }
}
