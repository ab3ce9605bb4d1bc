using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Referral.Api.Auth;
using Referral.Api.Hubs;
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

    /// <summary>The server's message: the client puts "An unexpected error occurred invoking … HubException: " before it.</summary>
    private static string Message(HubException error)
    {
        const string Marker = "HubException: ";
        var at = error.Message.IndexOf(Marker, StringComparison.Ordinal);
        Assert.True(at >= 0, error.Message);
        return error.Message[(at + Marker.Length)..];
    }
}
