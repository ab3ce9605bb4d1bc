using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Referral.Api.Auth;
using Referral.Api.Hubs;
using Referral.Api.Rooms;
using Referral.Grains.Abstractions.Accounts;
using Referral.Grains.Abstractions.Quiz;
using Referral.Testing;
using Xunit;

namespace Referral.Api.Tests.Auth;

/// <summary>
/// A connection opened without a token: it can only sign in (SignInGuest), and once it has, it is
/// that guest's, with the same session and tokens as the HTTP sign-in gives. Over real WebSockets.
/// </summary>
[Collection(AccountsApiGroup.Name)]
public sealed class HubSignInTests(AccountsApiFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnAnonymousConnectionCanOnlySignInAndIsThenTheGuestsForEverything()
    {
        await using var hub = fixture.Api.CreateHubConnection();
        await hub.StartAsync(Ct);

        var refused = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<ServerClock>("ServerTime", Ct));
        Assert.StartsWith(HubAccessFilter.SignInRequired + ":", Message(refused), StringComparison.Ordinal);
        var room = await fixture.StandingRoomAsync(Ct);
        refused = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<JsonElement>("JoinRoom", room.Pin, "Sneaky", Ct));
        Assert.StartsWith(HubAccessFilter.SignInRequired + ":", Message(refused), StringComparison.Ordinal);

        var session = await hub.InvokeAsync<AuthResponse>("SignInGuest", "Socket Sam", AuthClient.NewDeviceId(), "fr", "test phone", Ct);
        Assert.True(session.User.IsGuest);
        Assert.Equal("Socket Sam", session.User.DisplayName);
        Assert.Equal("fr", session.User.Locale);
        Assert.Equal("Bearer", session.TokenType);
        Assert.True(session.AccessTokenExpiresAt > DateTimeOffset.UtcNow);

        // The same connection now acts as the guest: it joins the room as that user.
        var snapshot = await hub.InvokeAsync<JsonElement>("JoinRoom", room.Pin, "Socket Sam", Ct);
        Assert.False(snapshot.GetProperty("isHost").GetBoolean());
        Assert.Equal(room.Id, snapshot.GetProperty("roomId").GetGuid());
        await hub.InvokeAsync<ServerClock>("ServerTime", Ct);

        // The tokens are the HTTP sign-in's: the access token works on the api, the refresh token refreshes.
        using var http = fixture.Anonymous();
        http.DefaultRequestHeaders.Authorization = new("Bearer", session.AccessToken);
        var me = await http.GetFromJsonAsync<JsonElement>("api/me", Ct);
        Assert.Equal(session.User.Id, me.GetProperty("id").GetGuid());
        var sessions = await http.GetFromJsonAsync<JsonElement>("api/me/sessions", Ct);
        var listed = Assert.Single(sessions.EnumerateArray(), s => s.GetProperty("sessionId").GetGuid() == session.SessionId);
        Assert.Equal("test phone", listed.GetProperty("device").GetString());
        using var anonymous = fixture.Anonymous();
        var refreshed = await anonymous.PostAsJsonAsync("api/auth/refresh", new { refreshToken = session.RefreshToken }, Ct);
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);

        // A connection belongs to one user: a second sign-in on it is refused.
        refused = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<AuthResponse>("SignInGuest", "Other", AuthClient.NewDeviceId(), null, null, Ct));
        Assert.StartsWith(HubAccessFilter.AlreadySignedIn + ":", Message(refused), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADeviceGetsTheSameGuestOnTheHubAsOverHttp()
    {
        var device = AuthClient.NewDeviceId();
        using var http = fixture.Anonymous();
        var overHttp = await http.GuestAsync(device, ct: Ct);

        await using var hub = fixture.Api.CreateHubConnection();
        await hub.StartAsync(Ct);
        var onHub = await hub.InvokeAsync<AuthResponse>("SignInGuest", "Test Guest", device, null, null, Ct);
        Assert.Equal(overHttp.Id, onHub.User.Id);
        Assert.NotEqual(overHttp.SessionId, onHub.SessionId);
    }

    [Fact]
    public async Task ASignInOnAConnectionThatConnectedWithATokenIsRefused()
    {
        await using var hub = fixture.Api.CreateHubConnection(fixture.Player);
        await hub.StartAsync(Ct);
        var refused = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<AuthResponse>("SignInGuest", "Switcher", AuthClient.NewDeviceId(), null, null, Ct));
        Assert.StartsWith(HubAccessFilter.AlreadySignedIn + ":", Message(refused), StringComparison.Ordinal);
        await hub.InvokeAsync<ServerClock>("ServerTime", Ct);
    }

    [Fact]
    public async Task BadInputIsRefusedWithEveryFieldNamedAndTheConnectionCanStillSignIn()
    {
        await using var hub = fixture.Api.CreateHubConnection();
        await hub.StartAsync(Ct);

        var refused = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<AuthResponse>("SignInGuest", "", "short", null, null, Ct));
        var message = Message(refused);
        Assert.StartsWith("validation_failed:", message, StringComparison.Ordinal);
        Assert.Contains("deviceId:", message, StringComparison.Ordinal);
        Assert.Contains("displayName:", message, StringComparison.Ordinal);

        refused = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<AuthResponse>("SignInGuest", "Polyglot", AuthClient.NewDeviceId(), "xx-not-a-language", null, Ct));
        Assert.StartsWith("invalid_profile: locale", Message(refused), StringComparison.Ordinal);
        Assert.Contains("A supported language", Message(refused), StringComparison.Ordinal);

        // Still anonymous, still able to sign in.
        await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<ServerClock>("ServerTime", Ct));
        var session = await hub.InvokeAsync<AuthResponse>("SignInGuest", "Second Try", AuthClient.NewDeviceId(), null, null, Ct);
        Assert.Equal("Second Try", session.User.DisplayName);
        await hub.InvokeAsync<ServerClock>("ServerTime", Ct);
    }

    [Fact]
    public async Task JoinRoomAsGuestSignsInAndSeatsInOneCallAndTheConnectionGetsTheRoomsEvents()
    {
        var room = await fixture.OpenRoomAsync(RoomPhase.Lobby, Ct);
        await using var hub = fixture.Api.CreateHubConnection();
        var started = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.On<JsonElement>(HubEvents.QuestionStarted, e => started.TrySetResult(e));
        await hub.StartAsync(Ct);

        var joined = await hub.InvokeAsync<JsonElement>("JoinRoomAsGuest", room.Pin, "Quick Quinn", AuthClient.NewDeviceId(), "fr", "test phone", Ct);
        Assert.Equal(JsonValueKind.Null, joined.GetProperty("refused").ValueKind);
        var user = joined.GetProperty("session").GetProperty("user");
        Assert.True(user.GetProperty("isGuest").GetBoolean());
        Assert.Equal("Quick Quinn", user.GetProperty("displayName").GetString());
        Assert.Equal("fr", user.GetProperty("locale").GetString());
        var seat = joined.GetProperty("room");
        Assert.Equal(room.Id, seat.GetProperty("roomId").GetGuid());
        Assert.False(seat.GetProperty("isHost").GetBoolean());
        Assert.Equal("Quick Quinn", seat.GetProperty("me").GetProperty("nickname").GetString());
        Assert.Equal(2, seat.GetProperty("playerCount").GetInt32()); // the fixture's seated player and this guest

        // The connection is the guest's, and the tokens are a real session's.
        await hub.InvokeAsync<ServerClock>("ServerTime", Ct);
        using (var http = fixture.Anonymous())
        {
            http.DefaultRequestHeaders.Authorization = new("Bearer", joined.GetProperty("session").GetProperty("accessToken").GetString());
            var me = await http.GetFromJsonAsync<JsonElement>("api/me", Ct);
            Assert.Equal(user.GetProperty("id").GetGuid(), me.GetProperty("id").GetGuid());
        }

        // Seated on this connection: the host's start reaches it.
        await using var host = fixture.Api.CreateHubConnection(fixture.Host);
        await host.StartAsync(Ct);
        await host.InvokeAsync<JsonElement>("StartGame", room.Id, Ct);
        var question = await started.Task.WaitAsync(TimeSpan.FromSeconds(15), Ct);
        Assert.Equal(room.Id, question.GetProperty("roomId").GetGuid());
        Assert.Equal(0, question.GetProperty("question").GetProperty("index").GetInt32());

        var again = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<JsonElement>("JoinRoomAsGuest", room.Pin, "Twice", AuthClient.NewDeviceId(), null, null, Ct));
        Assert.StartsWith(HubAccessFilter.AlreadySignedIn + ":", Message(again), StringComparison.Ordinal);
    }

    [Fact]
    public async Task JoinRoomAsGuestWithAWrongPinOrBadInputLeavesNoAccountAndTheConnectionAnonymous()
    {
        var room = await fixture.OpenRoomAsync(RoomPhase.Lobby, Ct);
        var device = AuthClient.NewDeviceId();
        await using var hub = fixture.Api.CreateHubConnection();
        await hub.StartAsync(Ct);

        var unknownPin = room.Pin == "000000" ? "000001" : "000000";
        var refused = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<JsonElement>("JoinRoomAsGuest", unknownPin, "Lost Lou", device, null, null, Ct));
        Assert.StartsWith("room_not_found:", Message(refused), StringComparison.Ordinal);
        refused = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<JsonElement>("JoinRoomAsGuest", "12ab", "Lost Lou", device, null, null, Ct));
        Assert.StartsWith("room_not_found:", Message(refused), StringComparison.Ordinal);
        refused = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<JsonElement>("JoinRoomAsGuest", room.Pin, "Lost Lou", "short", null, null, Ct));
        Assert.StartsWith("validation_failed: deviceId:", Message(refused), StringComparison.Ordinal);

        // Still anonymous; the device's guest did not exist before the sign-in that follows.
        await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<ServerClock>("ServerTime", Ct));
        var accounts = fixture.Api.Services.GetRequiredService<AccountDirectory>();
        var first = await accounts.StartGuestSession(device, "Lost Lou", "en", new OpenSession(null));
        Assert.True(first.Value!.NewUser);
        var second = await accounts.StartGuestSession(device, "Lost Lou", "en", new OpenSession(null));
        Assert.False(second.Value!.NewUser);
    }

    [Fact]
    public async Task JoinRoomAsGuestRefusedByTheRoomStillReturnsTheSessionAndTheConnectionCanJoinAgain()
    {
        var room = await fixture.OpenRoomAsync(RoomPhase.Lobby, Ct);
        await using var hub = fixture.Api.CreateHubConnection();
        await hub.StartAsync(Ct);

        // The fixture's player sits in the room as "Seated Sam".
        var joined = await hub.InvokeAsync<JsonElement>("JoinRoomAsGuest", room.Pin, "Seated Sam", AuthClient.NewDeviceId(), null, null, Ct);
        var refusal = joined.GetProperty("refused");
        Assert.Equal(QuizErrors.NicknameTaken, refusal.GetProperty("code").GetString());
        Assert.False(string.IsNullOrWhiteSpace(refusal.GetProperty("message").GetString()));
        Assert.Equal(JsonValueKind.Null, joined.GetProperty("room").ValueKind);
        Assert.True(joined.GetProperty("session").GetProperty("user").GetProperty("isGuest").GetBoolean());

        var seat = await hub.InvokeAsync<JsonElement>("JoinRoom", room.Pin, "Sam Two", Ct);
        Assert.Equal(room.Id, seat.GetProperty("roomId").GetGuid());
        Assert.Equal("Sam Two", seat.GetProperty("me").GetProperty("nickname").GetString());
    }

    /// <summary>The server's message: the client puts "An unexpected error occurred invoking … HubException: " before it.</summary>
    private static string Message(HubException error)
    {
        const string Marker = "HubException: ";
        var at = error.Message.IndexOf(Marker, StringComparison.Ordinal);
        Assert.True(at >= 0, error.Message);
        return error.Message[(at + Marker.Length)..];
    }
}
