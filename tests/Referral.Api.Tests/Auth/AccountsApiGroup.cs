using Xunit;

namespace Referral.Api.Tests.Auth;

/// <summary>The collection of test classes sharing one <see cref="AccountsApiFixture"/>; they run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class AccountsApiGroup : ICollectionFixture<AccountsApiFixture>
{
    public const string Name = "Accounts api";
}
