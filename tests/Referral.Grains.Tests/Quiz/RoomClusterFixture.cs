using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;
using Referral.Silo.DataProtection;
using Referral.Silo.Hosting;
using Xunit;

namespace Referral.Grains.Tests.Quiz;

/// <summary>
/// The fake-clock cluster of room, wallet and referral tests: deadlines and scores are driven by
/// the test's clock (see <see cref="FakeClockCluster"/>). Referral and webhook grains seal
/// personal fields and read their options here too.
/// </summary>
public sealed class RoomClusterFixture : IAsyncLifetime
{
    private readonly InMemoryXmlRepository _keyRing = new();
    private readonly DataProtectionMasterKeys _masterKeys = DataProtectionMasterKeys.Random();
    private readonly FakeClockCluster _cluster;

    public RoomClusterFixture() => _cluster = new FakeClockCluster(Clock, services =>
    {
        services.AddReferralPersonalData(_keyRing, _masterKeys);
        services.AddReferralWebhooks(new ConfigurationBuilder().Build());
    });

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));

    public IClusterClient Client => _cluster.Client;

    public IServiceProvider SiloServices => _cluster.SiloServices;

    public async ValueTask InitializeAsync() => await _cluster.StartAsync();

    public ValueTask DisposeAsync() => _cluster.DisposeAsync();
}
