using Xunit;

namespace Referral.Grains.Tests.Wheel;

/// <summary>Wheel tests share one fake-clock cluster with a fault plan, one at a time (they move its clock).</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class WheelCluster : ICollectionFixture<WheelClusterFixture>
{
    public const string Name = "wheels";
}
