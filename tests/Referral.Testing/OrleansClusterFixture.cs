using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using Referral.Silo.Hosting;
using Xunit;

namespace Referral.Testing;

/// <summary>
/// A shared two-silo in-process cluster on the product's own provider configuration (memory
/// storage and streams), for grain behaviour tests. Use through a collection fixture so one
/// cluster serves a whole test collection.
/// </summary>
public sealed class OrleansClusterFixture : IAsyncLifetime
{
    private InProcessTestCluster? _cluster;

    public InProcessTestCluster Cluster => _cluster ?? throw new InvalidOperationException("The cluster has not started.");

    public IClusterClient Client => Cluster.Client;

    public async ValueTask InitializeAsync()
    {
        var settings = TestSettings.Memory();
        var builder = new InProcessTestClusterBuilder(initialSilosCount: 2);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.ConfigureReferralStorage(settings, singleSilo: false);
            silo.ConfigureReferralStreams(settings.Streaming);
            GrainInterfaceTypeCache.AddTo(silo.Services);
            silo.Services.AddSingleton(TimeProvider.System);
        });
        builder.ConfigureClient(client =>
        {
            client.AddMemoryStreams(Grains.Abstractions.StorageNames.StreamProvider);
            GrainInterfaceTypeCache.AddTo(client.Services);
        });
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }
}
