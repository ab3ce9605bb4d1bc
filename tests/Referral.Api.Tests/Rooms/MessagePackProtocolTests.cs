using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Referral.Testing;
using Xunit;

namespace Referral.Api.Tests.Rooms;

/// <summary>Mobile clients may speak MessagePack: the same methods and events, binary-encoded.</summary>
public sealed class MessagePackProtocolTests(ReferralApiFactory api) : IClassFixture<ReferralApiFactory>
{
    private static readonly int[] True = [0];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AMessagePackClientJoinsAndReceivesTheQuestion()
    {
        using var anonymous = api.CreateHttpClient();
        var (host, room) = await OpenRoomAsync(anonymous, "Binary", "Bits are binary.");
        var roomId = room.GetProperty("roomId").GetGuid();
        await using var hostHub = api.CreateHubConnection(host);
        await hostHub.StartAsync(Ct);
        await hostHub.InvokeAsync<JsonElement>("Resume", roomId, Ct);

        var player = await anonymous.GuestAsync(ct: Ct);
        await using var binary = MessagePackConnection(player.AccessToken);
        var started = new TaskCompletionSource<Dictionary<object, object>>(TaskCreationOptions.RunContinuationsAsynchronously);
        binary.On<Dictionary<object, object>>("questionStarted", e => started.TrySetResult(e));
        await binary.StartAsync(Ct);

        var seat = await binary.InvokeAsync<Dictionary<object, object>>("JoinRoom", room.GetProperty("pin").GetString(), "Binary Bob", Ct);
        Assert.Equal(roomId.ToString(), seat["RoomId"]?.ToString(), ignoreCase: true);

        await hostHub.InvokeAsync<JsonElement>("StartGame", roomId, Ct);
        var question = await started.Task.WaitAsync(TimeSpan.FromSeconds(20), Ct);
        var publicQuestion = (Dictionary<object, object>)question["Question"];
        Assert.Equal("Bits are binary.", publicQuestion["Text"]);

        var ack = await binary.InvokeAsync<Dictionary<object, object>>("Answer", roomId, 0, True, null, Ct);
        Assert.Equal(false, ack["Duplicate"]);
    }

    [Fact]
    public async Task AMessagePackClientSignsInAsAGuestOnTheHubAndJoins()
    {
        using var anonymous = api.CreateHttpClient();
        var (_, room) = await OpenRoomAsync(anonymous, "Binary sign-in", "Bytes have bits.");

        await using var binary = MessagePackConnection(null);
        await binary.StartAsync(Ct);

        var session = await binary.InvokeAsync<Dictionary<object, object>>("SignInGuest", "Binary Bea", AuthClient.NewDeviceId(), "fr", null, Ct);
        var user = (Dictionary<object, object>)session["User"];
        Assert.Equal("Binary Bea", user["DisplayName"]);
        Assert.Equal(true, user["IsGuest"]);
        Assert.False(string.IsNullOrEmpty(session["AccessToken"] as string));
        Assert.False(string.IsNullOrEmpty(session["RefreshToken"] as string));

        var seat = await binary.InvokeAsync<Dictionary<object, object>>("JoinRoom", room.GetProperty("pin").GetString(), "Binary Bea", Ct);
        Assert.Equal(room.GetProperty("roomId").GetGuid().ToString(), seat["RoomId"]?.ToString(), ignoreCase: true);
    }

    [Fact]
    public async Task AMessagePackClientSignsInAndJoinsInOneCall()
    {
        using var anonymous = api.CreateHttpClient();
        var (_, room) = await OpenRoomAsync(anonymous, "Binary quick join", "One call is enough.");

        await using var binary = MessagePackConnection(null);
        await binary.StartAsync(Ct);

        var joined = await binary.InvokeAsync<Dictionary<object, object>>("JoinRoomAsGuest", room.GetProperty("pin").GetString(), "Binary Ben", AuthClient.NewDeviceId(), "en", null, Ct);
        var user = (Dictionary<object, object>)((Dictionary<object, object>)joined["Session"])["User"];
        Assert.Equal("Binary Ben", user["DisplayName"]);
        Assert.Equal(true, user["IsGuest"]);
        Assert.Null(joined["Refused"]);
        var seat = (Dictionary<object, object>)joined["Room"];
        Assert.Equal(room.GetProperty("roomId").GetGuid().ToString(), seat["RoomId"]?.ToString(), ignoreCase: true);
    }

    /// <summary>A new host's open room (its JSON: roomId, pin) over one true/false question.</summary>
    private async Task<(TestUser Host, JsonElement Room)> OpenRoomAsync(HttpClient anonymous, string title, string text)
    {
        var host = await anonymous.RegisterAsync(ct: Ct);
        using var hostHttp = api.CreateHttpClient(host);
        var quiz = new
        {
            title,
            questions = new object[]
            {
                new { type = "TrueFalse", text, options = new[] { "true", "false" }, correctOptions = new[] { 0 }, acceptedAnswers = Array.Empty<string>(), timeLimitSeconds = 30, points = "Standard" },
            },
        };
        var quizId = (await (await hostHttp.PostAsJsonAsync("api/quizzes", quiz, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
        var room = await (await hostHttp.PostAsJsonAsync("api/rooms", new { quizId }, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        return (host, room);
    }

    /// <summary>A hub connection speaking MessagePack over WebSockets, with <paramref name="accessToken"/> or anonymous.</summary>
    private HubConnection MessagePackConnection(string? accessToken) => new HubConnectionBuilder()
        .WithUrl(new Uri(api.ServerAddress, "hubs/game"), o =>
        {
            o.Transports = HttpTransportType.WebSockets;
            o.SkipNegotiation = true;
            if (accessToken is not null)
            {
                o.AccessTokenProvider = () => Task.FromResult<string?>(accessToken);
            }
        })
        .AddMessagePackProtocol()
        .Build();
}
