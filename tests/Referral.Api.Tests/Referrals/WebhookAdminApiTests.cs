using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Referral.Api.Tests.Auth;
using Referral.Grains.Abstractions.Referrals.Webhooks;
using Referral.Grains.Referrals.Webhooks;
using Referral.Testing;
using Xunit;

namespace Referral.Api.Tests.Referrals;

/// <summary>The admin webhook endpoints over real HTTP, delivering to a real listener on 127.0.0.1.</summary>
public sealed class WebhookAdminApiTests(WebhookApiFixture fixture) : IClassFixture<WebhookApiFixture>
{
    private const string Secret = "whsec_api_test_0123456789abcdef";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnUnconfiguredWebhookIsNotFoundAndCannotBeTested()
    {
        using var admin = await AdminAsync();
        var campaign = Guid.NewGuid();

        await ProblemAssert.Is(await admin.GetAsync(Path(campaign), Ct), HttpStatusCode.NotFound, WebhookErrors.NotConfigured);
        await ProblemAssert.Is(await admin.PostAsync(Path(campaign, "/test"), null, Ct), HttpStatusCode.Conflict, WebhookErrors.NotConfigured);
        var deliveries = await admin.GetFromJsonAsync<JsonElement>(Path(campaign, "/deliveries"), Ct);
        Assert.Equal(0, deliveries.GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("ftp://hooks.example.com/x", Secret, WebhookErrors.InvalidUrl, "url")]
    [InlineData("/relative", Secret, WebhookErrors.InvalidUrl, "url")]
    [InlineData(null, Secret, WebhookErrors.InvalidUrl, "url")]
    [InlineData("https://hooks.example.com/x", "short", WebhookErrors.InvalidSecret, "secret")]
    [InlineData("https://hooks.example.com/x", null, WebhookErrors.InvalidSecret, "secret")]
    [InlineData("mailto:ops@example.com", "short", WebhookErrors.InvalidUrl, "url", "secret")]
    public async Task InvalidEndpointsAreRefusedWithAStableCodeNamingEveryField(string? url, string? secret, string code, params string[] fields)
    {
        using var admin = await AdminAsync();
        var campaign = Guid.NewGuid();

        await ProblemAssert.Is(await admin.PutAsJsonAsync(Path(campaign), new { url, secret }, Ct), HttpStatusCode.BadRequest, code, fields);

        await ProblemAssert.Is(await admin.GetAsync(Path(campaign), Ct), HttpStatusCode.NotFound, WebhookErrors.NotConfigured);
    }

    [Fact]
    public async Task AConfiguredWebhookShowsItsUrlButNeverItsSecret()
    {
        using var admin = await AdminAsync();
        var campaign = Guid.NewGuid();
        const string Url = "https://hooks.example.com/referrals";

        var put = await admin.PutAsJsonAsync(Path(campaign), new { url = Url, secret = Secret }, Ct);
        var putText = await put.Content.ReadAsStringAsync(Ct);
        // The route takes the id in any Guid form; both forms name one webhook.
        var get = await admin.GetAsync(new Uri($"api/admin/campaigns/{campaign:N}/webhook", UriKind.Relative), Ct);
        var getText = await get.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        foreach (var text in new[] { putText, getText })
        {
            Assert.DoesNotContain(Secret, text, StringComparison.Ordinal);
            var view = JsonDocument.Parse(text).RootElement;
            Assert.Equal(Url, view.GetProperty("url").GetString());
            Assert.True(view.GetProperty("hasSecret").GetBoolean());
        }
    }

    [Fact]
    public async Task TheTestEndpointSendsASignedPingThatTheLogShowsDelivered()
    {
        using var receiver = new WebhookReceiver().Start();
        using var admin = await AdminAsync();
        var campaign = Guid.NewGuid();
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync(Path(campaign), new { url = receiver.Url, secret = Secret }, Ct)).StatusCode);

        var test = await admin.PostAsync(Path(campaign, "/test"), null, Ct);
        Assert.Equal(HttpStatusCode.Accepted, test.StatusCode);
        var accepted = await test.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var eventId = accepted.GetProperty("eventId").GetString();
        Assert.Equal("ping", accepted.GetProperty("type").GetString());

        var got = (await receiver.WaitForAsync(1, TimeSpan.FromSeconds(20), Ct))[0];
        Assert.True(WebhookSignature.Verify(Secret, got.Header(WebhookSignature.HeaderName), got.Body, DateTimeOffset.UtcNow, WebhookSignature.DefaultTolerance));
        Assert.Equal(eventId, got.Header(WebhookSignature.EventIdHeader));
        using var body = JsonDocument.Parse(got.Body);
        Assert.Equal("ping", body.RootElement.GetProperty("type").GetString());
        Assert.Equal(WebhookKeys.For(campaign), body.RootElement.GetProperty("data").GetProperty("campaignId").GetString());

        var logText = await Eventually.Until(async () =>
        {
            var page = await admin.GetFromJsonAsync<JsonElement>(Path(campaign, "/deliveries"), Ct);
            return page.GetProperty("total").GetInt32() > 0 ? page.GetRawText() : null;
        }, TimeSpan.FromSeconds(20), "the delivery log line", Ct);
        var log = JsonDocument.Parse(logText).RootElement;
        var line = log.GetProperty("deliveries")[0];
        Assert.Equal(eventId, line.GetProperty("eventId").GetString());
        Assert.Equal("Delivered", line.GetProperty("state").GetString());
        Assert.Equal(200, line.GetProperty("statusCode").GetInt32());
        Assert.Equal(1, line.GetProperty("attempt").GetInt32());
        Assert.Equal(0, log.GetProperty("queued").GetInt32());
    }

    [Fact]
    public async Task DeletingTheWebhookDisablesItAndIsIdempotent()
    {
        using var admin = await AdminAsync();
        var campaign = Guid.NewGuid();
        await admin.PutAsJsonAsync(Path(campaign), new { url = "https://hooks.example.com/x", secret = Secret }, Ct);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync(Path(campaign), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync(Path(campaign), Ct)).StatusCode);

        await ProblemAssert.Is(await admin.GetAsync(Path(campaign), Ct), HttpStatusCode.NotFound, WebhookErrors.NotConfigured);
        await ProblemAssert.Is(await admin.PostAsync(Path(campaign, "/test"), null, Ct), HttpStatusCode.Conflict, WebhookErrors.NotConfigured);
    }

    [Theory]
    [InlineData("take=0", "take")]
    [InlineData("take=101", "take")]
    [InlineData("skip=-1", "skip")]
    public async Task DeliveryPagingOutsideItsBoundsIsRefusedNamingTheField(string query, string field)
    {
        using var admin = await AdminAsync();

        await ProblemAssert.Is(await admin.GetAsync(Path(Guid.NewGuid(), "/deliveries?" + query), Ct), HttpStatusCode.BadRequest, "validation_failed", field);
    }

    private async Task<HttpClient> AdminAsync() => fixture.Api.CreateHttpClient(await fixture.Api.AdminAsync(Ct));

    private static Uri Path(Guid campaign, string rest = "") => new($"api/admin/campaigns/{campaign}/webhook{rest}", UriKind.Relative);
}
