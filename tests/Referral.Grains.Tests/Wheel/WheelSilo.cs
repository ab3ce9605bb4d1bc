using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Referral.Grains.Wheel;
using Referral.Silo.Hosting;
using Referral.Testing;

namespace Referral.Grains.Tests.Wheel;

/// <summary>
/// A silo built as the product builds one (<see cref="HostBuilderExtensions.AddReferralSilo"/>) in
/// durable mode, optionally with a test fault plan: stopping one and starting another on the same
/// database is a restarted silo whose grains activate afresh from PostgreSQL.
/// </summary>
internal sealed class WheelSilo : IAsyncDisposable
{
    private readonly IHost _host;

    private WheelSilo(IHost host) => _host = host;

    public IClusterClient Client => _host.Services.GetRequiredService<IClusterClient>();

    public static async Task<WheelSilo> StartAsync(string connectionString, string clusterId, IWheelSpinFaults? faults, CancellationToken ct)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ApplicationName = "wheel-postgres" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Referral"] = connectionString,
            ["DataProtection:MasterKey"] = Convert.ToBase64String(new byte[32]),
            ["Orleans:ClusterId"] = clusterId,
            ["Orleans:ServiceId"] = "wheel-tests",
            ["Orleans:SiloPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            ["Orleans:GatewayPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
        });
        if (faults is not null)
        {
            builder.Services.AddSingleton(faults);
        }

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

        return new WheelSilo(host);
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
