using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.Runtime;
using Orleans.TestingHost;
using Referral.Grains.Abstractions;
using Referral.Grains.Wheel;
using Referral.Silo.Hosting;
using Referral.Testing;
using Xunit;

namespace Referral.Grains.Tests.Wheel;

/// <summary>
/// A one-silo memory cluster whose grains read a <see cref="FakeTimeProvider"/> (UTC day
/// boundaries on demand) and which has the test-only <see cref="SpinFaults"/> registered.
/// </summary>
public sealed class WheelClusterFixture : IAsyncLifetime
{
    private InProcessTestCluster? _cluster;

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));

    public SpinFaults Faults { get; } = new();

    public IClusterClient Client => _cluster?.Client ?? throw new InvalidOperationException("Not started.");

    public async ValueTask InitializeAsync()
    {
        var settings = TestSettings.Memory();
        var builder = new InProcessTestClusterBuilder(initialSilosCount: 1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.ConfigureReferralStorage(settings);
            silo.ConfigureReferralStreams(settings.Streaming);
            silo.Services.AddSingleton<TimeProvider>(Clock);
            silo.Services.UseTimeProviderForBackgroundAreas(TimeProvider.System);
            silo.Services.AddKeyedSingleton<TimeProvider>(TimeProviderNames.Grains, (_, _) => TimeProvider.System);
            silo.Services.AddSingleton<IWheelSpinFaults>(Faults);
        });
        builder.ConfigureClient(client => client.AddMemoryStreams(StorageNames.StreamProvider));
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_cluster is null)
        {
            return;
        }

        // As in RoomClusterFixture: keep the fake clock moving so shutdown waits end promptly.
        using var stop = new CancellationTokenSource();
        var ticker = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                Clock.Advance(TimeSpan.FromSeconds(1));
                await Task.Delay(10, CancellationToken.None);
            }
        });
        await _cluster.DisposeAsync();
        await stop.CancelAsync();
        await ticker;
    }
}
