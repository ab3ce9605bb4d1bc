using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Playwright;
using Referral.Testing;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Referral.Web.Tests;

/// <summary>
/// Access tokens expire (15 minutes in production, 15 seconds here) and the server closes hub
/// connections at expiry: the client refreshes ahead of time, reconnects with the new token and
/// resumes its room, so a long game goes on without the player noticing.
/// </summary>
[Collection(WebGroup.Name)]
public sealed class TokenExpiryTests(WebFixture web) : IAsyncLifetime
{
    private readonly ReferralApiFactory _api = new()
    {
        Settings = { ["Auth:AccessTokenLifetime"] = "00:00:15", ["Auth:ClockSkew"] = "00:00:00" },
    };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => _api.InitializeAsync();

    public ValueTask DisposeAsync() => _api.DisposeAsync();

    [Fact]
    public async Task APlayerKeepsPlayingAcrossAccessTokenExpiry()
    {
        using var http = _api.CreateHttpClient();
        var host = await http.RegisterAsync(AuthClient.NewEmail("expiry"), displayName: "Expiry Host", ct: Ct);
        using var hostHttp = _api.CreateHttpClient(host);
        var quiz = new
        {
            title = "Expiry quiz",
            questions = new object[] { new { type = "TrueFalse", text = "Tokens expire.", options = new[] { "true", "false" }, correctOptions = new[] { 0 }, timeLimitSeconds = 60, points = "Standard" } },
        };
        var created = await (await hostHttp.PostAsJsonAsync("api/quizzes", quiz, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        var room = await (await hostHttp.PostAsJsonAsync("api/rooms", new { quizId = created.GetProperty("id").GetGuid() }, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        var roomId = room.GetProperty("roomId").GetGuid();

        await using var context = await web.Browser.NewContextAsync(new() { BaseURL = _api.ServerAddress.ToString(), ViewportSize = new() { Width = 360, Height = 740 } });
        context.SetDefaultTimeout(15_000);
        await context.AddInitScriptAsync("window.__sockets = 0; const N = window.WebSocket; window.WebSocket = class extends N { constructor(...a) { super(...a); window.__sockets++; } };");
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/join?pin={room.GetProperty("pin").GetString()}");
        await page.GetByTestId("nickname").FillAsync("Tess");
        await page.GetByTestId("join-submit").ClickAsync();
        await Expect(page.GetByTestId("play")).ToHaveAttributeAsync("data-phase", "Lobby");
        Assert.Equal(1, await page.EvaluateAsync<int>("() => window.__sockets"));

        // The first token expires: the server closes the socket and the client opens a new one.
        await page.WaitForFunctionAsync("() => window.__sockets >= 2", null, new() { Timeout = 40_000 });
        await Expect(page.GetByTestId("connection")).ToHaveAttributeAsync("data-state", "connected");

        // The host (a .NET client with a fresh token of its own) starts: the player is still seated.
        using var refreshed = _api.CreateHttpClient();
        var hostNow = await refreshed.RefreshAsync(host, Ct);
        await using var hostHub = _api.CreateHubConnection(hostNow);
        await hostHub.StartAsync(Ct);
        await hostHub.InvokeAsync<JsonElement>("StartGame", roomId, Ct);
        await Expect(page.GetByTestId("question-text")).ToHaveTextAsync("Tokens expire.");
        await page.GetByRole(AriaRole.Button, new() { Name = "True" }).ClickAsync();
        await Expect(page.GetByTestId("verdict")).ToHaveAttributeAsync("data-verdict", "correct");
    }
}
