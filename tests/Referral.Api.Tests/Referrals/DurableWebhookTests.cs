using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Npgsql;
using Referral.Grains.Referrals.Webhooks;
using Referral.Testing;
using Xunit;

namespace Referral.Api.Tests.Referrals;

/// <summary>
/// Webhooks in PostgreSQL mode: an event queued while the receiver is down survives a restart of
/// the whole server and is delivered by the next one without any call (its reminder wakes the
/// grain); the secret never reaches a row in clear.
/// </summary>
public sealed class DurableWebhookTests(PostgresServer postgres) : IClassFixture<PostgresServer>
{
    private const string Secret = "whsec_durable_0123456789abcdef";
    private const string ReminderName = "webhook-delivery";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnEventQueuedBeforeARestartIsDeliveredAfterItWithoutAnyCall()
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        using var receiver = new WebhookReceiver();
        var campaign = Guid.NewGuid();
        string eventId;

        await using (var first = await StartAsync(connectionString))
        {
            using var admin = first.CreateHttpClient(await first.AdminAsync(Ct));
            Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync(Path(campaign), new { url = receiver.Url, secret = Secret }, Ct)).StatusCode);
            var test = await admin.PostAsync(Path(campaign, "/test"), null, Ct);
            Assert.Equal(HttpStatusCode.Accepted, test.StatusCode);
            eventId = (await test.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("eventId").GetString()!;

            // The receiver is down: attempts fail with a connection error and are logged.
            await Eventually.Until(async () =>
            {
                var page = await admin.GetFromJsonAsync<JsonElement>(Path(campaign, "/deliveries"), Ct);
                return page.GetProperty("total").GetInt32() > 0 ? page.GetRawText() : null;
            }, TimeSpan.FromSeconds(20), "a failed attempt in the log", Ct);
            Assert.Equal(1, await RemindersOf(connectionString));
            Assert.Equal(0, await RowsHolding(connectionString, Encoding.UTF8.GetBytes(Secret)) + await RowsHolding(connectionString, Encoding.Unicode.GetBytes(Secret)));
        }

        receiver.Start();
        await using var second = await StartAsync(connectionString);

        // Nothing calls the webhook grain: the stored reminder activates it on the new server.
        var got = (await receiver.WaitForAsync(1, TimeSpan.FromSeconds(60), Ct))[0];
        Assert.Equal(eventId, got.Header(WebhookSignature.EventIdHeader));
        Assert.True(WebhookSignature.Verify(Secret, got.Header(WebhookSignature.HeaderName), got.Body, DateTimeOffset.UtcNow, WebhookSignature.DefaultTolerance));

        using var admin2 = second.CreateHttpClient(await second.AdminAsync(Ct));
        var logText = await Eventually.Until(async () =>
        {
            var page = await admin2.GetFromJsonAsync<JsonElement>(Path(campaign, "/deliveries?take=100"), Ct);
            return page.GetProperty("deliveries")[0].GetProperty("state").GetString() == "Delivered" ? page.GetRawText() : null;
        }, TimeSpan.FromSeconds(20), "the delivered line in the log", Ct);
        var log = JsonDocument.Parse(logText).RootElement;
        var lines = log.GetProperty("deliveries").EnumerateArray().ToList();
        Assert.True(lines.Count >= 2, "the attempts of the first server are kept: " + logText);
        Assert.All(lines.Skip(1), l => Assert.Equal("Pending", l.GetProperty("state").GetString()));
        Assert.All(lines.Skip(1), l => Assert.False(string.IsNullOrEmpty(l.GetProperty("error").GetString())));
        Assert.Equal(lines.Count, lines[0].GetProperty("attempt").GetInt32());
        Assert.Equal(0, log.GetProperty("queued").GetInt32());
        await Eventually.Until(async () => await RemindersOf(connectionString) == 0 ? "gone" : null, TimeSpan.FromSeconds(20), "the reminder unregistered once the queue is empty", Ct);
    }

    private static async Task<ReferralApiFactory> StartAsync(string connectionString)
    {
        var api = new ReferralApiFactory();
        api.Settings["ConnectionStrings:Referral"] = connectionString;
        WebhookApiFixture.FastWebhooks(api);
        // Slow enough that the first server is stopped while the event still waits.
        api.Settings["Webhooks:InitialBackoff"] = "00:00:01";
        api.Settings["Webhooks:MaxBackoff"] = "00:00:02";
        await api.InitializeAsync();
        using var http = api.CreateHttpClient();
        await Eventually.Get(http, "health/ready", HttpStatusCode.OK, TimeSpan.FromSeconds(60), Ct);
        return api;
    }

    private static Uri Path(Guid campaign, string rest = "") => new($"api/admin/campaigns/{campaign}/webhook{rest}", UriKind.Relative);

    private static async Task<long> RemindersOf(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand("SELECT count(*) FROM orleans_reminder WHERE reminder_name = @name", connection);
        command.Parameters.AddWithValue("name", ReminderName);
        return (long)(await command.ExecuteScalarAsync(Ct))!;
    }

    private static async Task<long> RowsHolding(string connectionString, byte[] bytes)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand("SELECT count(*) FROM orleans_grain_state WHERE position(@bytes in coalesce(payload, ''::bytea)) > 0", connection);
        command.Parameters.AddWithValue("bytes", bytes);
        return (long)(await command.ExecuteScalarAsync(Ct))!;
    }
}
