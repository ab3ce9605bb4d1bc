using Xunit;

namespace Referral.Grains.Tests.Quiz;

/// <summary>Room tests share one fake-clock cluster and run one at a time (they move its clock).</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RoomCluster : ICollectionFixture<RoomClusterFixture>
{
    public const string Name = "rooms";
}
