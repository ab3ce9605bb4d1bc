using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Referral.Web.Tests;

/// <summary>A player whose network drops sees it, reconnects by itself and catches up from a snapshot.</summary>
[Collection(WebGroup.Name)]
public sealed class ReconnectTests(WebFixture web)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task APlayerCutOffWhileTheGameStartsReconnectsAndShowsTheOpenQuestion()
    {
        // The host drives the room from a .NET client: only the player's browser matters here.
        var host = await web.NewHostAsync("Reconnect Host", Ct);
        using var http = web.Api.CreateHttpClient(host);
        var quiz = new
        {
            title = "Reconnect quiz",
            questions = new object[]
            {
                new { type = "SingleChoice", text = "Pick the second one.", options = new[] { "one", "two" }, correctOptions = new[] { 1 }, timeLimitSeconds = 120, points = "Standard" },
            },
        };
        var created = await (await http.PostAsJsonAsync("api/quizzes", quiz, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        var opened = await http.PostAsJsonAsync("api/rooms", new { quizId = created.GetProperty("id").GetGuid() }, Ct);
        var room = await opened.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var roomId = room.GetProperty("roomId").GetGuid();
        var pin = room.GetProperty("pin").GetString()!;
        await using var hostHub = web.Api.CreateHubConnection(host);
        await hostHub.StartAsync(Ct);
        await hostHub.InvokeAsync<JsonElement>("Resume", roomId, Ct);

        await using var context = await web.NewContextAsync();

        // Offline emulation stops new connections but leaves an open WebSocket up, so the test
        // keeps a handle on the page's sockets to cut them the way a dropped network would.
        await context.AddInitScriptAsync(
            """
            window.__sockets = [];
            const Native = window.WebSocket;
            window.WebSocket = class extends Native {
              constructor(...args) { super(...args); window.__sockets.push(this); }
            };
            """);
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/join?pin={pin}");
        await page.GetByTestId("nickname").FillAsync("Robin");
        await page.GetByTestId("join-submit").ClickAsync();
        await Expect(page.GetByTestId("play")).ToHaveAttributeAsync("data-phase", "Lobby");
        await Expect(page.GetByTestId("connection")).ToHaveAttributeAsync("data-state", "connected");

        // The network goes; the page says so. The game starts meanwhile: the player misses the event.
        await context.SetOfflineAsync(true);
        await page.EvaluateAsync("() => window.__sockets.forEach(s => s.close(4000, 'network lost'))");
        // The close event waits for the closing handshake, which took over 5 s once while the whole
        // suite loaded both cores (CI, 2026-11-27): the page must notice, not within a CI-bound 5 s.
        await Expect(page.GetByTestId("connection")).Not.ToHaveAttributeAsync("data-state", "connected", new() { Timeout = 20_000 });
        await hostHub.InvokeAsync<JsonElement>("StartGame", roomId, Ct);

        // The network is back: the client reconnects, resumes and shows the open question.
        await context.SetOfflineAsync(false);
        await Expect(page.GetByTestId("connection")).ToHaveAttributeAsync("data-state", "connected", new() { Timeout = 30_000 });
        await Expect(page.GetByTestId("question-text")).ToHaveTextAsync("Pick the second one.");
        await page.Locator("[data-option='1']").ClickAsync();

        // The only player answered, so the room closes the question at once: the answer counted.
        await Expect(page.GetByTestId("verdict")).ToHaveAttributeAsync("data-verdict", "correct");
    }
}
