using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Http.Connections.Client;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace Referral.Testing;

/// <summary>
/// The api with its co-hosted silo on real Kestrel, bound to a free loopback port, so SignalR
/// clients connect over real WebSockets. Every instance takes its own silo and gateway ports, so
/// factories may run side by side. Set <see cref="Settings"/> (and <see cref="Environment"/>)
/// before the first use to choose the mode (e.g. <c>ConnectionStrings:Referral</c> for durable
/// mode). Auth keys, the account-key secret and the Data Protection master key are set to values
/// fixed for the whole test run, so a durable server restarted on the same database finds its
/// accounts, and tokens minted by <see cref="TestTokens"/> validate; <see cref="AdminEmail"/> is
/// in <c>Auth:Admins</c>. Rate limits are raised so that only tests about them meet them.
/// </summary>
public sealed class ReferralApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    /// <summary>The email <c>Auth:Admins</c> names: registering it gives an admin.</summary>
    public const string AdminEmail = "admin@referral.test";

    public const string SigningKeyId = "test-signing-1";

    /// <summary>The one signing key of every factory in this test run (base64 in the settings).</summary>
    public static readonly byte[] SigningKey = RandomNumberGenerator.GetBytes(32);

    public static readonly string AccountKeySecret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public static readonly string DataProtectionMasterKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public Dictionary<string, string?> Settings { get; } = new()
    {
        ["Orleans:SiloPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
        ["Orleans:GatewayPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
        ["Orleans:ClusterId"] = "test-" + Guid.NewGuid().ToString("N")[..8],
        ["Auth:SigningKeys:0:Id"] = SigningKeyId,
        ["Auth:SigningKeys:0:Key"] = Convert.ToBase64String(SigningKey),
        ["Auth:AccountKeySecret"] = AccountKeySecret,
        ["Auth:Admins:0"] = AdminEmail,
        ["DataProtection:MasterKey"] = DataProtectionMasterKey,
        ["RateLimits:Login:PermitLimit"] = "10000",
        ["RateLimits:LoginPerAccount:PermitLimit"] = "10000",
        ["RateLimits:Register:PermitLimit"] = "10000",
        ["RateLimits:Guest:PermitLimit"] = "10000",
        ["RateLimits:Refresh:PermitLimit"] = "10000",
        ["RateLimits:Credentials:PermitLimit"] = "10000",
        ["RateLimits:Authenticated:PermitLimit"] = "100000",
    };

    private readonly SemaphoreSlim _adminGate = new(1, 1);
    private TestUser? _admin;

    /// <summary>The hosting environment. Default: Development (plain HTTP on loopback is allowed there).</summary>
    public string Environment { get; set; } = "Development";

    /// <summary>Test-only services added to the server (e.g. a fault-injection hook); the product never registers these.</summary>
    public Action<IServiceCollection>? TestServices { get; set; }

    /// <summary>Every line the server logged, at the levels its configuration lets through.</summary>
    public CapturedLogs Logs { get; } = new();

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

    /// <summary>An HTTP client for the real server address; with <paramref name="accessToken"/>, it sends it as a bearer token.</summary>
    public HttpClient CreateHttpClient(string? accessToken = null)
    {
        var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = ServerAddress };
        if (accessToken is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        }

        return http;
    }

    /// <summary>An HTTP client signed in as <paramref name="user"/>.</summary>
    public HttpClient CreateHttpClient(TestUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return CreateHttpClient(user.AccessToken);
    }

    /// <summary>
    /// A SignalR client that speaks to the hub over WebSockets only (no fallbacks), sending the
    /// access token the way browsers must: as access_token in the query string.
    /// </summary>
    public HubConnection CreateHubConnection(string path = "hubs/game", Func<Task<string?>>? accessToken = null, Action<HttpConnectionOptions>? configure = null) =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(ServerAddress, path), o =>
            {
                o.Transports = HttpTransportType.WebSockets;
                o.SkipNegotiation = true;
                if (accessToken is not null)
                {
                    o.AccessTokenProvider = accessToken;
                }

                configure?.Invoke(o);
            })
            .Build();

    /// <summary>A hub connection signed in as <paramref name="user"/>.</summary>
    public HubConnection CreateHubConnection(TestUser user, Action<HttpConnectionOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(user);
        return CreateHubConnection(accessToken: () => Task.FromResult<string?>(user.AccessToken), configure: configure);
    }

    /// <summary>
    /// The admin of <see cref="AdminEmail"/>, registered on first use (or logged in, when a
    /// durable database already has it) and reused by every test of this factory.
    /// </summary>
    public async Task<TestUser> AdminAsync(CancellationToken ct = default)
    {
        await _adminGate.WaitAsync(ct);
        try
        {
            if (_admin is null)
            {
                using var http = CreateHttpClient();
                var registered = await http.PostAsJsonAsync("api/auth/register",
                    new { email = AdminEmail, password = AuthClient.Password, displayName = "Test Admin", locale = "en" }, ct);
                _admin = registered.StatusCode == HttpStatusCode.Conflict
                    ? await http.LoginAsync(AdminEmail, ct: ct)
                    : await AuthClient.ReadUser(registered, HttpStatusCode.Created, "admin registration", AdminEmail, AuthClient.Password, null, ct);
            }

            return _admin;
        }
        finally
        {
            _adminGate.Release();
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        builder.ConfigureLogging(l => l.AddProvider(Logs));
        if (TestServices is { } services)
        {
            builder.ConfigureServices(services);
        }

        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _adminGate.Dispose();
    }
}
