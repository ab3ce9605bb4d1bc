using Orleans.TestingHost;
using Referral.Grains.Abstractions.Diagnostics;
using Referral.Testing;
using Xunit;

namespace Referral.Grains.Tests.Diagnostics;

[Collection(SharedCluster.Name)]
public sealed class ProbeGrainTests(OrleansClusterFixture fixture)
{
    [Fact]
    public async Task NeverWrittenProbeReadsEmpty()
    {
        var view = await fixture.Client.GetGrain<IProbeGrain>("empty-" + Guid.NewGuid()).Read();
        Assert.Null(view.Value);
        Assert.Equal(0, view.Writes);
        Assert.Null(view.UpdatedAt);
    }

    [Fact]
    public async Task WritesArePersistedAcrossDeactivation()
    {
        var key = "persist-" + Guid.NewGuid();
        var probe = fixture.Client.GetGrain<IProbeGrain>(key);
        await probe.Write("a");
        var written = await probe.Write("b");
        Assert.Equal(2, written.Writes);

        var management = fixture.Client.GetGrain<IManagementGrain>(0);
        await management.ForceActivationCollection(TimeSpan.Zero, TestContext.Current.CancellationToken);

        var read = await fixture.Client.GetGrain<IProbeGrain>(key).Read();
        Assert.Equal("b", read.Value);
        Assert.Equal(2, read.Writes);
        Assert.Equal(written.UpdatedAt, read.UpdatedAt);
    }

    [Fact]
    public async Task TheClusterRunsTwoSilos()
    {
        var hosts = await fixture.Client.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true, TestContext.Current.CancellationToken);
        Assert.Equal(2, hosts.Count);
        Assert.IsType<InProcessTestCluster>(fixture.Cluster);
    }
}
