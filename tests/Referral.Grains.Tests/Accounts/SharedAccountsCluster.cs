using Xunit;

namespace Referral.Grains.Tests.Accounts;

/// <summary>The account grain tests share one cluster (and its fake clock), so they run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class SharedAccountsCluster : ICollectionFixture<AccountsCluster>
{
    public const string Name = "accounts";
}
