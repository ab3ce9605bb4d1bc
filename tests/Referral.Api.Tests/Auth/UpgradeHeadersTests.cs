using System.Net;
using System.Net.WebSockets;
using Referral.Testing;
using Xunit;

namespace Referral.Api.Tests.Auth;

/// <summary>
/// Security headers go on every response a browser could render, not on the 101 that switches a
/// game connection to WebSocket (browsers apply none of them to a WebSocket; they were seven
/// headers on every connect).
/// </summary>
[Collection(AccountsApiGroup.Name)]
public sealed class UpgradeHeadersTests(AccountsApiFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AWebSocketUpgradeOfTheGameHubCarriesNoSecurityHeadersWhileOtherResponsesDo()
    {
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        var hub = new UriBuilder(new Uri(fixture.Api.ServerAddress, "hubs/game")) { Scheme = "ws" }.Uri;

        await socket.ConnectAsync(hub, Ct);

        Assert.Equal(HttpStatusCode.SwitchingProtocols, socket.HttpStatusCode);
        Assert.NotNull(socket.HttpResponseHeaders);
        Assert.True(socket.HttpResponseHeaders.ContainsKey("Sec-WebSocket-Accept"), "the upgrade's own headers are there");
        Assert.False(socket.HttpResponseHeaders.ContainsKey("Content-Security-Policy"));
        Assert.False(socket.HttpResponseHeaders.ContainsKey("X-Frame-Options"));
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, Ct);

        // A plain GET of the same path is no upgrade: it gets them.
        using var http = fixture.Api.CreateHttpClient();
        var response = await http.GetAsync(new Uri("hubs/game", UriKind.Relative), Ct);
        Assert.True(response.Headers.Contains("X-Frame-Options"), $"{(int)response.StatusCode} without X-Frame-Options");
        Assert.True(response.Headers.Contains("Content-Security-Policy"));
    }
}
