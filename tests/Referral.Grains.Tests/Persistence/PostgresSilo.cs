using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using Referral.Grains.Abstractions;
using Referral.Testing;

namespace Referral.Grains.Tests.Persistence;

/// <summary>
/// A real silo host on loopback TCP with every Orleans store on PostgreSQL (ADO.NET clustering,
/// grain storage, reminders), plus an external client that finds it through the same table.
/// </summary>
/// <remarks>
/// Not <c>InProcessTestClusterBuilder</c>: in 10.4 it always registers its own in-memory
/// membership table after the test's silo configuration, so ADO.NET clustering would never run.
/// </remarks>
internal sealed class PostgresSilo : IAsyncDisposable
{
    /// <summary>A grain storage that deletes the row on ClearStateAsync (the DeleteStorageKey query).</summary>
    public const string DeletingStorage = "Deleting";

    private const string Invariant = "Npgsql";

    private readonly IHost _silo;
    private readonly IHost _client;
    private bool _stopped;

    private PostgresSilo(IHost silo, IHost client, int siloPort)
    {
        _silo = silo;
        _client = client;
        SiloPort = siloPort;
    }

    public IServiceProvider Services => _silo.Services;

    public IClusterClient Client => _client.Services.GetRequiredService<IClusterClient>();

    public int SiloPort { get; }

    public static async Task<PostgresSilo> StartAsync(string connectionString, string clusterId, string serviceId, CancellationToken ct)
    {
        var siloPort = FreePort.Next();
        var gatewayPort = FreePort.Next();
        var siloBuilder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ApplicationName = "postgres-silo" });
        siloBuilder.Services.AddSingleton(TimeProvider.System);
        siloBuilder.UseOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = clusterId;
                o.ServiceId = serviceId;
            });
            silo.ConfigureEndpoints(IPAddress.Loopback, siloPort, gatewayPort);
            silo.UseAdoNetClustering(o =>
            {
                o.Invariant = Invariant;
                o.ConnectionString = connectionString;
            });
            foreach (var name in new[] { StorageNames.Default, StorageNames.PubSub })
            {
                silo.AddAdoNetGrainStorage(name, o =>
                {
                    o.Invariant = Invariant;
                    o.ConnectionString = connectionString;
                });
            }

            silo.AddAdoNetGrainStorage(DeletingStorage, o =>
            {
                o.Invariant = Invariant;
                o.ConnectionString = connectionString;
                o.DeleteStateOnClear = true;
            });
            silo.UseAdoNetReminderService(o =>
            {
                o.Invariant = Invariant;
                o.ConnectionString = connectionString;
            });
        });

        var silo = siloBuilder.Build();
        await silo.StartAsync(ct);

        var clientBuilder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ApplicationName = "postgres-client" });
        clientBuilder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = clusterId;
                o.ServiceId = serviceId;
            });
            client.UseAdoNetClustering(o =>
            {
                o.Invariant = Invariant;
                o.ConnectionString = connectionString;
            });
        });
        var client = clientBuilder.Build();
        try
        {
            await client.StartAsync(ct);
        }
        catch
        {
            client.Dispose();
            await silo.StopAsync(CancellationToken.None);
            silo.Dispose();
            throw;
        }

        return new PostgresSilo(silo, client, siloPort);
    }

    /// <summary>Graceful: the client leaves, then the silo marks itself dead in the membership table.</summary>
    public async Task StopAsync(CancellationToken ct)
    {
        _stopped = true;
        await _client.StopAsync(ct);
        await _silo.StopAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stopped)
        {
            // A test failed before stopping: stop anyway, so no silo outlives its test and keeps
            // writing to a database the next test does not expect it in; a bounded wait, then abrupt.
            try
            {
                using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                await StopAsync(deadline.Token);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // Never let clean-up replace the failure that brought us here.
            }
        }

        await DisposeHostAsync(_client);
        await DisposeHostAsync(_silo);
    }

    private static async Task DisposeHostAsync(IHost host)
    {
        if (host is IAsyncDisposable asyncDisposable)
        {
            await asyncDisposable.DisposeAsync();
        }
        else
        {
            host.Dispose();
        }
    }
}
