using Referral.Testing;
using Xunit;

namespace Referral.Grains.Tests;

/// <summary>One in-process cluster shared by every grain test in the collection.</summary>
[CollectionDefinition(Name)]
public sealed class SharedCluster : ICollectionFixture<OrleansClusterFixture>
{
    public const string Name = "cluster";
}
