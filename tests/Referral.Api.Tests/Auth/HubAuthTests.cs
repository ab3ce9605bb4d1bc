using System.Net;
using System.Net.WebSockets;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Referral.Api.Hubs;
using Referral.Testing;
using Xunit;

namespace Referral.Api.Tests.Auth;

/// <summary>The hub: tokens on connect, expiry during a connection, and the Origin allowlist.</summary>
[Collection(AccountsApiGroup.Name)]
public sealed class HubAuthTests(AccountsApiFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ConnectingWithAnInvalidTokenIsRefused()
    {
        var forged = TestTokens.Mint(fixture.Player.Id, ["player"], key: new byte[32], sessionId: fixture.Player.SessionId);
        await using var hub = fixture.Api.CreateHubConnection(accessToken: () => Task.FromResult<string?>(forged));
        var error = await Assert.ThrowsAnyAsync<Exception>(() => hub.StartAsync(Ct));
        Assert.Contains("401", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConnectingWithAnExpiredTokenIsRefusedRatherThanOpenedAnonymously()
    {
        // Without a token a connection opens anonymously (HubSignInTests); with a bad one it must
        // not: the client learns that it has to refresh.
        var expired = TestTokens.Mint(fixture.Player.Id, ["player"], issuedAt: DateTimeOffset.UtcNow.AddHours(-1), lifetime: TimeSpan.FromMinutes(5), sessionId: fixture.Player.SessionId);
        await using var hub = fixture.Api.CreateHubConnection(accessToken: () => Task.FromResult<string?>(expired));
        var error = await Assert.ThrowsAnyAsync<Exception>(() => hub.StartAsync(Ct));
        Assert.Contains("401", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvocationsAfterTheTokenExpiresAreRefused()
    {
        // A token with about two seconds left: usable now, refused once exp has passed.
        var issued = DateTimeOffset.UtcNow.AddMinutes(-1);
        var token = TestTokens.Mint(fixture.Player.Id, ["player"], issuedAt: issued, lifetime: TimeSpan.FromSeconds(62), sessionId: fixture.Player.SessionId);
        var expires = DateTimeOffset.FromUnixTimeSeconds((issued + TimeSpan.FromSeconds(62)).ToUnixTimeSeconds());
        await using var hub = fixture.Api.CreateHubConnection(accessToken: () => Task.FromResult<string?>(token));
        await hub.StartAsync(Ct);
        await hub.InvokeAsync<ServerClock>("ServerTime", Ct);

        var deadline = expires + TimeSpan.FromSeconds(15);
        string? refusal = null;
        while (refusal is null && DateTimeOffset.UtcNow < deadline)
        {
            try
            {
                await hub.InvokeAsync<ServerClock>("ServerTime", Ct);
                Assert.True(DateTimeOffset.UtcNow < expires + TimeSpan.FromSeconds(1), "an invocation succeeded after the token expired");
                await Task.Delay(200, Ct);
            }
            catch (HubException ex)
            {
                refusal = ex.Message;
            }
            catch (InvalidOperationException) when (hub.State != HubConnectionState.Connected)
            {
                // CloseOnAuthenticationExpiration got there first: the server closed the connection.
                refusal = "connection closed by the server";
            }
        }

        Assert.True(refusal is not null, "invocations were still accepted 15 s after the token expired");
        TestContext.Current.TestOutputHelper?.WriteLine($"refused after expiry: {refusal}");
        Assert.True(DateTimeOffset.UtcNow >= expires, "refused before the token expired");
        if (refusal != "connection closed by the server")
        {
            Assert.Contains("expired", refusal, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task BrowserPagesFromOriginsNotAllowedCannotOpenTheHub()
    {
        await using var evil = fixture.Api.CreateHubConnection(fixture.Player, o => o.Headers["Origin"] = "https://evil.example");
        var error = await Assert.ThrowsAnyAsync<Exception>(() => evil.StartAsync(Ct));
        Assert.True(error is WebSocketException or HttpRequestException, error.ToString());
        Assert.Contains("403", error.Message, StringComparison.Ordinal);

        using var http = fixture.As(fixture.Player);
        using var negotiate = new HttpRequestMessage(HttpMethod.Post, new Uri("hubs/game/negotiate?negotiateVersion=1", UriKind.Relative));
        negotiate.Headers.Add("Origin", "https://evil.example");
        await ProblemAssert.Is(await http.SendAsync(negotiate, Ct), HttpStatusCode.Forbidden, "origin_not_allowed");
    }

    [Fact]
    public async Task AllowedBrowserOriginsAndNativeAppsWithoutOriginConnect()
    {
        await using var browser = fixture.Api.CreateHubConnection(fixture.Player, o => o.Headers["Origin"] = AccountsApiFixture.AllowedOrigin);
        await browser.StartAsync(Ct);
        await browser.InvokeAsync<ServerClock>("ServerTime", Ct);

        await using var app = fixture.Api.CreateHubConnection(fixture.Player);
        await app.StartAsync(Ct);
        await app.InvokeAsync<ServerClock>("ServerTime", Ct);
    }

    [Fact]
    public async Task TheWebClientServedByTheApiConnectsFromTheApisOwnOrigin()
    {
        var own = fixture.Api.ServerAddress.GetLeftPart(UriPartial.Authority);
        await using var page = fixture.Api.CreateHubConnection(fixture.Player, o => o.Headers["Origin"] = own);
        await page.StartAsync(Ct);
        await page.InvokeAsync<ServerClock>("ServerTime", Ct);

        // Another port of the same host is another origin.
        var otherPort = new UriBuilder(fixture.Api.ServerAddress) { Port = fixture.Api.ServerAddress.Port == 1 ? 2 : 1 }.Uri.GetLeftPart(UriPartial.Authority);
        await using var other = fixture.Api.CreateHubConnection(fixture.Player, o => o.Headers["Origin"] = otherPort);
        var error = await Assert.ThrowsAnyAsync<Exception>(() => other.StartAsync(Ct));
        Assert.Contains("403", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CorsAllowsOnlyTheConfiguredOrigins()
    {
        using var http = fixture.Anonymous();
        foreach (var (origin, allowed) in new[] { (AccountsApiFixture.AllowedOrigin, true), ("https://evil.example", false) })
        {
            using var preflight = new HttpRequestMessage(HttpMethod.Options, new Uri("api/auth/login", UriKind.Relative));
            preflight.Headers.Add("Origin", origin);
            preflight.Headers.Add("Access-Control-Request-Method", "POST");
            preflight.Headers.Add("Access-Control-Request-Headers", "content-type");
            var response = await http.SendAsync(preflight, Ct);
            var header = response.Headers.TryGetValues("Access-Control-Allow-Origin", out var values) ? values.Single() : null;
            Assert.Equal(allowed ? origin : null, header);
        }
    }
}
