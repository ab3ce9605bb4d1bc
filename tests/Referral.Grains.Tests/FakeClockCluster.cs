using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.Runtime;
using Orleans.TestingHost;
using Referral.Grains.Abstractions;
using Referral.Silo.Hosting;
using Referral.Testing;

namespace Referral.Grains.Tests;

/// <summary>
/// A one-silo memory cluster whose grains read a <see cref="FakeTimeProvider"/>: business time is
/// driven by the test's clock, while timers and Orleans' own machinery keep real time, so timers
/// may fire whenever they like and grains must judge time by the clock. Fixtures add their own
/// services through <c>configure</c>.
/// </summary>
public sealed class FakeClockCluster(FakeTimeProvider clock, Action<IServiceCollection> configure) : IAsyncDisposable
{
    private InProcessTestCluster? _cluster;

    public IClusterClient Client => _cluster?.Client ?? throw new InvalidOperationException("Not started.");

    /// <summary>The (only) silo's services: its grain storage, to see what a grain has written.</summary>
    public IServiceProvider SiloServices => _cluster?.Silos[0].SiloHost.Services ?? throw new InvalidOperationException("Not started.");

    public async Task StartAsync()
    {
        var settings = TestSettings.Memory();
        var builder = new InProcessTestClusterBuilder(initialSilosCount: 1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.ConfigureReferralStorage(settings);
            silo.ConfigureReferralStreams(settings.Streaming);
            silo.Services.AddSingleton<TimeProvider>(clock);
            silo.Services.UseTimeProviderForBackgroundAreas(TimeProvider.System);
            silo.Services.AddKeyedSingleton<TimeProvider>(TimeProviderNames.Grains, (_, _) => TimeProvider.System);
            configure(silo.Services);
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

        // Some shutdown waits in Orleans read the default clock; keep the fake one moving so
        // they end promptly instead of running into their real-time safety timeouts.
        using var stop = new CancellationTokenSource();
        var ticker = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                clock.Advance(TimeSpan.FromSeconds(1));
                await Task.Delay(10, CancellationToken.None);
            }
        });
        await _cluster.DisposeAsync();
        await stop.CancelAsync();
        await ticker;
    }
}
