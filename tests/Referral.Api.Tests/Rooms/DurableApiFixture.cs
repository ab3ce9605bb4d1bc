using System.Net;
using Referral.Testing;
using Xunit;

namespace Referral.Api.Tests.Rooms;

/// <summary>A throwaway PostgreSQL server and the api in durable mode on a fresh database of it.</summary>
public sealed class DurableApiFixture : IAsyncLifetime
{
    private readonly PostgresServer _postgres = new();

    public ReferralApiFactory Api { get; } = new();

    public string ConnectionString { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        await _postgres.InitializeAsync();
        ConnectionString = await _postgres.CreateDatabaseAsync();
        Api.Settings["ConnectionStrings:Referral"] = ConnectionString;
        await Api.InitializeAsync();
        using var http = Api.CreateHttpClient();
        await Eventually.Get(http, "health/ready", HttpStatusCode.OK, TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await Api.DisposeAsync();
        await _postgres.DisposeAsync();
    }
}
