using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Referral.Silo.Hosting;
using Referral.Testing;

namespace Referral.Grains.Tests.Accounts;

/// <summary>
/// A silo built exactly as the product builds one (<see cref="HostBuilderExtensions.AddReferralSilo"/>)
/// in durable mode: PostgreSQL for everything, the Data Protection key ring included.
/// </summary>
internal sealed class ProductSilo : IAsyncDisposable
{
    private readonly IHost _host;

    private ProductSilo(IHost host) => _host = host;

    public IClusterClient Client => _host.Services.GetRequiredService<IClusterClient>();

    public static async Task<ProductSilo> StartAsync(string connectionString, string masterKey, CancellationToken ct, string? retiredMasterKey = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ApplicationName = "accounts-postgres" });
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Referral"] = connectionString,
            ["DataProtection:MasterKey"] = masterKey,
            ["Orleans:ClusterId"] = "accounts",
            ["Orleans:ServiceId"] = "accounts-tests",
            ["Orleans:SiloPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            ["Orleans:GatewayPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
        };
        if (retiredMasterKey is not null)
        {
            settings["DataProtection:RetiredMasterKeys:0"] = retiredMasterKey;
        }

        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddReferralSilo();
        var host = builder.Build();
        try
        {
            await host.StartAsync(ct);
        }
        catch
        {
            host.Dispose();
            throw;
        }

        return new ProductSilo(host);
    }

    public async ValueTask DisposeAsync()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        try
        {
            await _host.StopAsync(deadline.Token);
        }
        finally
        {
            _host.Dispose();
        }
    }
}
