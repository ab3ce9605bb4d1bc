using Referral.Testing;
using Xunit;

namespace Referral.Grains.Tests.Persistence;

/// <summary>One throwaway PostgreSQL server for every test of the collection; each test makes its own database.</summary>
[CollectionDefinition(Name)]
public sealed class SharedPostgres : ICollectionFixture<PostgresServer>
{
    public const string Name = "postgres";
}
