using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.Runtime;
using Orleans.TestingHost;
using Referral.Grains.Abstractions;
using Referral.Silo.DataProtection;
using Referral.Silo.Hosting;
using Microsoft.Extensions.Configuration;
using Referral.Testing;
using Xunit;

namespace Referral.Grains.Tests.Quiz;

/// <summary>
/// A one-silo cluster whose grains read a <see cref="FakeTimeProvider"/>: deadlines and scores
/// are driven by the test's clock, while timers and Orleans' own machinery keep real time.
/// </summary>
public sealed class RoomClusterFixture : IAsyncLifetime
{
    private readonly InMemoryXmlRepository _keyRing = new();
    private readonly DataProtectionMasterKeys _masterKeys = DataProtectionMasterKeys.Random();
    private InProcessTestCluster? _cluster;

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));

    public IClusterClient Client => _cluster?.Client ?? throw new InvalidOperationException("Not started.");

    public async ValueTask InitializeAsync()
    {
        var settings = TestSettings.Memory();
        var builder = new InProcessTestClusterBuilder(initialSilosCount: 1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.ConfigureReferralStorage(settings);
            silo.ConfigureReferralStreams(settings.Streaming);
            // The grains read the fake clock (the unkeyed TimeProvider); every Orleans area,
            // grain timers and stream delivery included, stays on real time, so timers may fire
            // whenever they like: the room must judge time by the clock, not by its timers.
            silo.Services.AddSingleton<TimeProvider>(Clock);
            silo.Services.UseTimeProviderForBackgroundAreas(TimeProvider.System);
            silo.Services.AddKeyedSingleton<TimeProvider>(TimeProviderNames.Grains, (_, _) => TimeProvider.System);

            // Referral and webhook grains seal personal fields and read their options here too.
            silo.Services.AddReferralPersonalData(_keyRing, _masterKeys);
            silo.Services.AddReferralWebhooks(new ConfigurationBuilder().Build());
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
                Clock.Advance(TimeSpan.FromSeconds(1));
                await Task.Delay(10, CancellationToken.None);
            }
        });
        await _cluster.DisposeAsync();
        await stop.CancelAsync();
        await ticker;
    }
}
