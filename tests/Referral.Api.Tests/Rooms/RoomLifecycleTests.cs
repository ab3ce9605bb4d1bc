using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Referral.Testing;
using Xunit;

namespace Referral.Api.Tests.Rooms;

/// <summary>Reconnects, kicks, locks and the host report, over real hub connections.</summary>
public sealed class RoomLifecycleTests(ReferralApiFactory api) : IClassFixture<ReferralApiFactory>
{
    private static readonly int[] SecondOption = [1];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly object Quiz = new
    {
        title = "Lifecycle",
        questions = new object[]
        {
            new { type = "SingleChoice", text = "1 + 1?", options = new[] { "1", "2", "3" }, correctOptions = new[] { 1 }, acceptedAnswers = Array.Empty<string>(), timeLimitSeconds = 60, points = "Standard" },
            new { type = "TypeAnswer", text = "Say =cmd", options = Array.Empty<string>(), correctOptions = Array.Empty<int>(), acceptedAnswers = new[] { "=cmd" }, timeLimitSeconds = 60, points = "Standard" },
        },
    };

    private async Task<(HttpClient Host, HubConnection HostHub, Guid RoomId, string Pin)> OpenRoom()
    {
        using var anonymous = api.CreateHttpClient();
        var host = await anonymous.RegisterAsync(ct: Ct);
        var http = api.CreateHttpClient(host);
        var quiz = await (await http.PostAsJsonAsync("api/quizzes", Quiz, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        var room = await (await http.PostAsJsonAsync("api/rooms", new { quizId = quiz.GetProperty("id").GetGuid() }, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        var hub = api.CreateHubConnection(host);
        await hub.StartAsync(Ct);
        var roomId = room.GetProperty("roomId").GetGuid();
        await hub.InvokeAsync<JsonElement>("Resume", roomId, Ct);
        return (http, hub, roomId, room.GetProperty("pin").GetString()!);
    }

    private async Task<(TestUser User, HubConnection Hub, HubRecorder Events)> Player(string pin, string nickname)
    {
        using var anonymous = api.CreateHttpClient();
        var user = await anonymous.GuestAsync(displayName: nickname, ct: Ct);
        var hub = api.CreateHubConnection(user);
        var events = new HubRecorder(hub);
        await hub.StartAsync(Ct);
        await hub.InvokeAsync<JsonElement>("JoinRoom", pin, nickname, Ct);
        return (user, hub, events);
    }

    [Fact]
    public async Task APlayerWhoDropsMidQuestionResumesWithTheirAnswerAndGetsTheResult()
    {
        var (host, hostHub, roomId, pin) = await OpenRoom();
        await using var _ = hostHub;
        using var __ = host;
        var (user, hub, _) = await Player(pin, "Dropper");
        var (_, otherHub, _) = await Player(pin, "Stayer");
        await using var ___ = otherHub;

        await hostHub.InvokeAsync<JsonElement>("StartGame", roomId, Ct);
        await hub.InvokeAsync<JsonElement>("Answer", roomId, 0, SecondOption, null, Ct);
        await hub.DisposeAsync();                                  // the phone loses its connection

        await using var again = api.CreateHubConnection(user);
        var events = new HubRecorder(again);
        await again.StartAsync(Ct);
        var snapshot = await again.InvokeAsync<JsonElement>("Resume", roomId, Ct);
        Assert.Equal("Question", snapshot.GetProperty("phase").GetString());
        Assert.Equal(0, snapshot.GetProperty("question").GetProperty("index").GetInt32());
        Assert.True(snapshot.GetProperty("me").GetProperty("answeredCurrent").GetBoolean());
        Assert.Equal("Dropper", snapshot.GetProperty("me").GetProperty("nickname").GetString());
        var sequence = snapshot.GetProperty("sequence").GetInt64();

        await hostHub.InvokeAsync<JsonElement>("CloseQuestion", roomId, Ct);
        await Eventually.Until(
            () => Task.FromResult<string?>(events.Count("questionClosed") == 1 ? "closed" : null),
            TimeSpan.FromSeconds(20), "the result on the new connection", Ct);
        var closed = events.Single("questionClosed", _ => true);
        Assert.True(closed.GetProperty("sequence").GetInt64() > sequence);
        Assert.True(closed.GetProperty("me").GetProperty("correct").GetBoolean());
    }

    [Fact]
    public async Task AKickedPlayerIsToldAndCannotComeBackAndALockedRoomRefusesNewcomers()
    {
        var (host, hostHub, roomId, pin) = await OpenRoom();
        await using var _ = hostHub;
        using var __ = host;
        var (mallory, malloryHub, malloryEvents) = await Player(pin, "Mallory");
        await using var ___ = malloryHub;

        await hostHub.InvokeAsync("KickPlayer", roomId, mallory.Id, Ct);
        await Eventually.Until(() => Task.FromResult<string?>(malloryEvents.Count("kicked") == 1 ? "kicked" : null), TimeSpan.FromSeconds(20), "the kicked event", Ct);
        var rejoin = await Assert.ThrowsAsync<HubException>(() => malloryHub.InvokeAsync<JsonElement>("JoinRoom", pin, "Mallory again", Ct));
        Assert.Contains("HubException: kicked:", rejoin.Message, StringComparison.Ordinal);

        await hostHub.InvokeAsync("LockRoom", roomId, true, Ct);
        using var anonymous = api.CreateHttpClient();
        await using var late = api.CreateHubConnection(await anonymous.GuestAsync(ct: Ct));
        await late.StartAsync(Ct);
        var refused = await Assert.ThrowsAsync<HubException>(() => late.InvokeAsync<JsonElement>("JoinRoom", pin, "Latecomer", Ct));
        Assert.Contains("HubException: room_locked:", refused.Message, StringComparison.Ordinal);

        var badPin = await Assert.ThrowsAsync<HubException>(() => late.InvokeAsync<JsonElement>("JoinRoom", "12ab56", "Someone", Ct));
        Assert.Contains("HubException: room_not_found:", badPin.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheHostDownloadsTheReportAsJsonAndCsvAndPlayersCannot()
    {
        var (host, hostHub, roomId, pin) = await OpenRoom();
        await using var _ = hostHub;
        using var __ = host;
        var (player, hub, _) = await Player(pin, "Reporter");
        await using var ___ = hub;

        using (var lookupHttp = api.CreateHttpClient(player))
        {
            var lookup = await lookupHttp.GetFromJsonAsync<JsonElement>($"api/rooms/pin/{pin}", Ct);
            Assert.Equal("Lifecycle", lookup.GetProperty("quizTitle").GetString());
            Assert.Equal(roomId, lookup.GetProperty("roomId").GetGuid());
        }

        await hostHub.InvokeAsync<JsonElement>("StartGame", roomId, Ct);
        await hub.InvokeAsync<JsonElement>("Answer", roomId, 0, SecondOption, null, Ct);
        await hostHub.InvokeAsync<JsonElement>("NextQuestion", roomId, Ct);
        await hub.InvokeAsync<JsonElement>("Answer", roomId, 1, null, "=cmd", Ct);
        await hostHub.InvokeAsync<JsonElement>("EndGame", roomId, Ct);

        var report = await host.GetFromJsonAsync<JsonElement>($"api/rooms/{roomId}/report", Ct);
        Assert.Equal(2, report.GetProperty("rows").GetArrayLength());
        var csv = await host.GetStringAsync(new Uri($"api/rooms/{roomId}/report.csv", UriKind.Relative), Ct);
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("player,nickname,question", lines[0], StringComparison.Ordinal);
        Assert.Contains(",Reporter,1,1 + 1?,2,true,true,", lines[1], StringComparison.Ordinal);
        Assert.Contains(",'=cmd,", lines[2], StringComparison.Ordinal);     // formula injection defused

        using var playerHttp = api.CreateHttpClient(player);
        Assert.Equal(HttpStatusCode.Forbidden, (await playerHttp.GetAsync(new Uri($"api/rooms/{roomId}/report", UriKind.Relative), Ct)).StatusCode);
        // The game is over, so its PIN is free again and no longer finds the room.
        Assert.Equal(HttpStatusCode.NotFound, (await playerHttp.GetAsync(new Uri($"api/rooms/pin/{pin}", UriKind.Relative), Ct)).StatusCode);
    }

    [Fact]
    public async Task PlayersGetTheRoomsPlayerCountAndTheHostDoesNot()
    {
        var (host, hostHub, _, pin) = await OpenRoom();
        await using var _ = hostHub;
        using var __ = host;
        var hostEvents = new HubRecorder(hostHub);
        var (_, firstHub, first) = await Player(pin, "Counter One");
        await using var ___ = firstHub;
        var (_, secondHub, second) = await Player(pin, "Counter Two");
        await using var ____ = secondHub;

        // Players are the room's group minus the host's connections; the host has its own feed.
        static bool Two(JsonElement e) => e.GetProperty("playerCount").GetInt32() == 2;
        await Eventually.Until(
            () => Task.FromResult<object?>(first.Count("playerCount", Two) > 0 && second.Count("playerCount", Two) > 0 && hostEvents.Count("hostActivity") > 0 ? true : null),
            TimeSpan.FromSeconds(15), "both players counting two and the host's activity feed", Ct);
        Assert.Equal(0, hostEvents.Count("playerCount"));
    }

    [Fact]
    public async Task PlayersGetNoCountOnceTheGameStarted()
    {
        var (host, hostHub, roomId, pin) = await OpenRoom();
        await using var _ = hostHub;
        using var __ = host;
        var hostEvents = new HubRecorder(hostHub);
        var (_, firstHub, first) = await Player(pin, "Early Bird");
        await using var ___ = firstHub;
        static bool One(JsonElement e) => e.GetProperty("playerCount").GetInt32() == 1;
        static bool Two(JsonElement e) => e.GetProperty("playerCount").GetInt32() == 2;
        await Eventually.Until(
            () => Task.FromResult<object?>(first.Count("playerCount", One) > 0 ? true : null),
            TimeSpan.FromSeconds(15), "the lobby count reaching the first player", Ct);

        await hostHub.InvokeAsync<JsonElement>("StartGame", roomId, Ct);
        await Eventually.Until(
            () => Task.FromResult<object?>(first.Count("questionStarted") > 0 ? true : null),
            TimeSpan.FromSeconds(15), "the first question reaching the player", Ct);
        var (_, lateHub, _) = await Player(pin, "Late Comer");
        await using var ____ = lateHub;

        // The host's feed counts the late player; players, who show the count only in the lobby,
        // are not sent it (the throttle would have sent it within a second, trailing send included).
        await Eventually.Until(
            () => Task.FromResult<object?>(hostEvents.Count("hostActivity", Two) > 0 ? true : null),
            TimeSpan.FromSeconds(15), "the host's feed counting two", Ct);
        await Task.Delay(TimeSpan.FromSeconds(2.5), Ct);
        Assert.Equal(0, first.Count("playerCount", Two));
    }

    [Fact]
    public async Task AnAnswerToARoomThePlayerIsNotInIsRefused()
    {
        var (hostA, hubA, roomA, pinA) = await OpenRoom();
        var (hostB, hubB, roomB, pinB) = await OpenRoom();
        await using var _ = hubA;
        await using var __ = hubB;
        using var ___ = hostA;
        using var ____ = hostB;
        var (_, playerHub, _) = await Player(pinA, "Wanderer");
        await using var _____ = playerHub;
        var (_, otherHub, _) = await Player(pinB, "Resident");
        await using var ______ = otherHub;

        await hubB.InvokeAsync<JsonElement>("StartGame", roomB, Ct);
        var foreign = await Assert.ThrowsAsync<HubException>(() => playerHub.InvokeAsync<JsonElement>("Answer", roomB, 0, SecondOption, null, Ct));
        Assert.Contains("HubException: not_in_room:", foreign.Message, StringComparison.Ordinal);
        var resume = await Assert.ThrowsAsync<HubException>(() => playerHub.InvokeAsync<JsonElement>("Resume", roomB, Ct));
        Assert.Contains("HubException: not_in_room:", resume.Message, StringComparison.Ordinal);

        var snapshot = await hubB.InvokeAsync<JsonElement>("Resume", roomB, Ct);
        Assert.Equal(1, snapshot.GetProperty("playerCount").GetInt32());

        // A refused join takes no lasting subscription: only rooms with local members are held.
        var relay = (Referral.Api.Rooms.RoomRelay)api.Services.GetService(typeof(Referral.Api.Rooms.RoomRelay))!;
        var before = relay.SubscribedRooms;
        await Assert.ThrowsAsync<HubException>(() => playerHub.InvokeAsync<JsonElement>("Resume", Guid.NewGuid(), Ct));
        Assert.Equal(before, relay.SubscribedRooms);
        Assert.Equal(pinA.Length, pinB.Length);
        Assert.NotEqual(roomA, roomB);
    }
}
