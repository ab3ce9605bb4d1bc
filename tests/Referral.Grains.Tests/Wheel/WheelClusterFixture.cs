using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Referral.Grains.Wheel;
using Xunit;

namespace Referral.Grains.Tests.Wheel;

/// <summary>
/// A one-silo memory cluster whose grains read a <see cref="FakeTimeProvider"/> (UTC day
/// boundaries on demand) and which has the test-only <see cref="SpinFaults"/> registered.
/// </summary>
public sealed class WheelClusterFixture : IAsyncLifetime
{
    private readonly FakeClockCluster _cluster;

    public WheelClusterFixture() => _cluster = new FakeClockCluster(Clock, services => services.AddSingleton<IWheelSpinFaults>(Faults));

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));

    public SpinFaults Faults { get; } = new();

    public IClusterClient Client => _cluster.Client;

    public async ValueTask InitializeAsync() => await _cluster.StartAsync();

    public ValueTask DisposeAsync() => _cluster.DisposeAsync();
}
