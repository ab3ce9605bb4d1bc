using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using Orleans.TestingHost;
using Referral.Grains.Abstractions;
using Referral.Silo.DataProtection;
using Referral.Silo.Hosting;
using Referral.Testing;
using Xunit;

namespace Referral.Grains.Tests.Referrals;

/// <summary>
/// One silo with the product's webhook services (<see cref="WebhookHostingExtensions.AddReferralWebhooks"/>)
/// bound from settings that make retries fast: backoff from 200 ms, 6 attempts, 1 s timeout,
/// a queue of 5, and a 2 s reminder.
/// </summary>
public sealed class WebhookClusterFixture : IAsyncLifetime
{
    public const int MaxAttempts = 6;
    public const int MaxQueueLength = 5;
    public static readonly TimeSpan InitialBackoff = TimeSpan.FromMilliseconds(200);
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);

    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Webhooks:MaxAttempts"] = "6",
        ["Webhooks:InitialBackoff"] = "00:00:00.200",
        ["Webhooks:MaxBackoff"] = "00:00:00.800",
        ["Webhooks:Timeout"] = "00:00:01",
        ["Webhooks:MaxQueueLength"] = "5",
        ["Webhooks:MaxLogEntries"] = "50",
        ["Webhooks:MaxRememberedEvents"] = "20",
        ["Webhooks:ReminderPeriod"] = "00:00:02",
    };

    private readonly InMemoryXmlRepository _keyRing = new();
    private readonly DataProtectionMasterKeys _masterKeys = DataProtectionMasterKeys.Random();
    private InProcessTestCluster? _cluster;

    public IClusterClient Client => Cluster.Client;

    public InProcessTestCluster Cluster => _cluster ?? throw new InvalidOperationException("The cluster has not started.");

    public async ValueTask InitializeAsync()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(Settings).Build();
        var builder = new InProcessTestClusterBuilder(initialSilosCount: 1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.ConfigureReferralStorage(TestSettings.Memory());
            silo.Services.AddSingleton(TimeProvider.System);
            silo.Services.AddReferralPersonalData(_keyRing, _masterKeys);
            silo.Services.AddReferralWebhooks(configuration);
        });
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    /// <summary>The state a grain last wrote, read straight from the silo's Default grain storage.</summary>
    public async Task<T> StoredStateAsync<T>(IAddressable grain, string stateName)
        where T : new()
    {
        var storage = Cluster.Silos[0].ServiceProvider.GetRequiredKeyedService<IGrainStorage>(StorageNames.Default);
        var state = new GrainState<T>(new T());
        await storage.ReadStateAsync(stateName, grain.GetGrainId(), state);
        return state.State ?? new T();
    }

    public async ValueTask DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }
}
