using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using Orleans.TestingHost;
using Referral.Grains.Abstractions;
using Referral.Grains.Accounts;
using Referral.Silo.DataProtection;
using Referral.Silo.Hosting;
using Referral.Testing;
using Xunit;

namespace Referral.Grains.Tests.Accounts;

/// <summary>
/// An in-process cluster for the account grains: memory storage, personal-data protection with
/// an in-memory key ring, a <see cref="ManualClock"/> as the silo's clock, and cheap
/// Argon2id parameters (the OWASP cost is asserted where it is the point: hasher and PostgreSQL tests).
/// </summary>
/// <remarks>
/// One silo: Orleans' own membership code reads the registered clock too, and jumping it by days
/// could make two silos suspect each other. Tests advance the clock only between calls.
/// </remarks>
public sealed class AccountsCluster : IAsyncLifetime
{
    public static readonly Argon2Parameters TestHashing = new(MemoryKiB: 64, Iterations: 1);

    private readonly InMemoryXmlRepository _keyRing = new();
    private readonly DataProtectionMasterKeys _masterKeys = DataProtectionMasterKeys.Random();
    private InProcessTestCluster? _cluster;

    // The real current time to start with: with a start years ahead, the test silo never became a
    // gateway for the client (membership mixes this clock with the system's).
    public ManualClock Time { get; } = new(DateTimeOffset.UtcNow);

    public IClusterClient Client => Cluster.Client;

    public InProcessTestCluster Cluster => _cluster ?? throw new InvalidOperationException("The cluster has not started.");

    public async ValueTask InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(initialSilosCount: 1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.ConfigureReferralStorage(TestSettings.Memory());
            silo.Services.AddSingleton<TimeProvider>(Time);
            silo.Services.AddReferralPersonalData(_keyRing, _masterKeys);
            silo.Services.Configure<AccountOptions>(o =>
            {
                o.PasswordHashMemoryKiB = TestHashing.MemoryKiB;
                o.PasswordHashIterations = TestHashing.Iterations;
            });
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

    /// <summary>
    /// Writes a grain's state behind its back, as a crash or an older release would have left it.
    /// Only for grains not yet activated: an active one would keep its own copy.
    /// </summary>
    public async Task WriteStoredStateAsync<T>(IAddressable grain, string stateName, T value)
        where T : new()
    {
        var storage = Cluster.Silos[0].ServiceProvider.GetRequiredKeyedService<IGrainStorage>(StorageNames.Default);
        var state = new GrainState<T>(new T());
        await storage.ReadStateAsync(stateName, grain.GetGrainId(), state);
        state.State = value;
        await storage.WriteStateAsync(stateName, grain.GetGrainId(), state);
    }

    public async ValueTask DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }
}
