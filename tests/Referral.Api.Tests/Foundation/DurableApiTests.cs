using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using Referral.Grains.Abstractions.Diagnostics;
using Referral.Testing;
using Xunit;

namespace Referral.Api.Tests.Foundation;

/// <summary>Durable mode: the same api binary pointed at PostgreSQL keeps state across restarts.</summary>
public sealed class DurableApiTests(PostgresServer postgres) : IClassFixture<PostgresServer>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task StateSurvivesARestartOfTheWholeServer()
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        var key = "durable-" + Guid.NewGuid().ToString("N")[..12];

        await using (var first = Durable(connectionString))
        {
            await first.InitializeAsync();
            using var http = first.CreateHttpClient();
            await Eventually.Get(http, "health/ready", HttpStatusCode.OK, TimeSpan.FromSeconds(30), Ct);
            http.DefaultRequestHeaders.Authorization = new("Bearer", (await first.AdminAsync(Ct)).AccessToken);
            (await http.PutAsJsonAsync($"api/diagnostics/probes/{key}", new { value = "kept" }, Ct)).EnsureSuccessStatusCode();
        }

        await using var second = Durable(connectionString);
        await second.InitializeAsync();
        using var http2 = second.CreateHttpClient();
        var ready = await Eventually.Get(http2, "health/ready", HttpStatusCode.OK, TimeSpan.FromSeconds(30), Ct);
        using var doc = JsonDocument.Parse(await ready.Content.ReadAsStringAsync(Ct));
        Assert.Equal("Healthy", doc.RootElement.GetProperty("checks").GetProperty("postgresql").GetProperty("status").GetString());
        http2.DefaultRequestHeaders.Authorization = new("Bearer", (await second.AdminAsync(Ct)).AccessToken);

        var read = await http2.GetFromJsonAsync<ProbeView>($"api/diagnostics/probes/{key}", Ct);
        Assert.Equal("kept", read!.Value);
        Assert.Equal(1, read.Writes);
    }

    [Fact]
    public async Task StartUpAppliesTheSchemaAndRecordsTheSiloInTheMembershipTable()
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        await using var api = Durable(connectionString);
        await api.InitializeAsync();
        using var http = api.CreateHttpClient();
        await Eventually.Get(http, "health/ready", HttpStatusCode.OK, TimeSpan.FromSeconds(30), Ct);

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Ct);
        await using var version = new NpgsqlCommand("SELECT max(version) FROM referral_schema_migrations", connection);
        Assert.True(Convert.ToInt32(await version.ExecuteScalarAsync(Ct), System.Globalization.CultureInfo.InvariantCulture) >= 1);

        await using var active = new NpgsqlCommand(
            "SELECT count(*) FROM orleans_membership WHERE deployment_id = @cluster AND status = 3", connection);
        active.Parameters.AddWithValue("cluster", api.Settings["Orleans:ClusterId"]!);
        Assert.Equal(1L, (long)(await active.ExecuteScalarAsync(Ct))!);
    }

    [Fact]
    public async Task ReadinessFailsWhileTheDatabaseIsUnreachable()
    {
        // A database that does not exist: the silo cannot even apply the schema, so the server
        // must refuse to start rather than run without durable state.
        var unreachable = $"Host=127.0.0.1;Port={FreePort.Next()};Database=nowhere;Username=postgres;Timeout=2";
        await using var api = Durable(unreachable);
        var error = await Assert.ThrowsAnyAsync<Exception>(async () => await api.InitializeAsync());
        Assert.Contains("127.0.0.1", error.ToString(), StringComparison.Ordinal);
    }

    private static ReferralApiFactory Durable(string connectionString)
    {
        var api = new ReferralApiFactory();
        api.Settings["ConnectionStrings:Referral"] = connectionString;
        return api;
    }
}
