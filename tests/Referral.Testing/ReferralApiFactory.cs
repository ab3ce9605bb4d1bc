using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Referral.Testing;

/// <summary>
/// The api with its co-hosted silo on real Kestrel, bound to a free loopback port, so SignalR
/// clients connect over real WebSockets. Every instance takes its own silo and gateway ports, so
/// factories may run side by side. Set <see cref="Settings"/> before the first use to choose the
/// mode (e.g. <c>ConnectionStrings:Referral</c> for durable mode).
/// </summary>
public sealed class ReferralApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public Dictionary<string, string?> Settings { get; } = new()
    {
        ["Orleans:SiloPort"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Orleans:GatewayPort"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Orleans:ClusterId"] = "test-" + Guid.NewGuid().ToString("N")[..8],
    };

    /// <summary>The api's real address, e.g. http://127.0.0.1:41234/.</summary>
    public Uri ServerAddress { get; private set; } = new("http://127.0.0.1/");

    public ValueTask InitializeAsync()
    {
        UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()
            ?? throw new InvalidOperationException("Kestrel exposes no server addresses.");
        ServerAddress = new Uri(addresses.Addresses.First().Replace("[::1]", "127.0.0.1", StringComparison.Ordinal) + "/");
        return ValueTask.CompletedTask;
    }

    /// <summary>An HTTP client for the real server address.</summary>
    public HttpClient CreateHttpClient() => new() { BaseAddress = ServerAddress };

    /// <summary>A SignalR client that speaks to the hub over WebSockets only (no fallbacks).</summary>
    public HubConnection CreateHubConnection(string path = "hubs/game", Func<Task<string?>>? accessToken = null) =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(ServerAddress, path), o =>
            {
                o.Transports = HttpTransportType.WebSockets;
                o.SkipNegotiation = true;
                if (accessToken is not null)
                {
                    o.AccessTokenProvider = accessToken;
                }
            })
            .Build();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
    }
}
