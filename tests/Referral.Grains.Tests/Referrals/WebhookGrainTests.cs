using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Orleans.Core.Internal;
using Referral.Grains.Abstractions.Referrals.Webhooks;
using Referral.Grains.Referrals.Webhooks;
using Referral.Testing;
using Xunit;

namespace Referral.Grains.Tests.Referrals;

/// <summary>Webhook delivery against a real HTTP listener on 127.0.0.1, with fast retries (see the fixture).</summary>
[Collection(WebhookCluster.Name)]
public sealed class WebhookGrainTests(WebhookClusterFixture cluster)
{
    private const string Secret = "whsec_test_0123456789abcdef";
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(20);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DeliveredRequestsAreSignedAndVerifyOnlyWithTheSecretTheBodyAndAFreshTimestamp()
    {
        using var receiver = new WebhookReceiver().Start();
        var grain = NewWebhook();
        await grain.Configure(new WebhookEndpoint(receiver.Url, Secret));
        var evt = Event(data: """{"referee":"u-2","points":[1,2],"note":"café"}""");

        Assert.True(await grain.Enqueue(evt));
        var got = (await receiver.WaitForAsync(1, Within, Ct))[0];

        Assert.Equal("POST", got.Method);
        Assert.Equal("/hooks/referrals", got.Path);
        Assert.Equal(evt.Id, got.Header(WebhookSignature.EventIdHeader));
        Assert.Equal(evt.Type, got.Header(WebhookSignature.EventTypeHeader));
        Assert.Equal("1", got.Header(WebhookSignature.AttemptHeader));
        Assert.StartsWith("application/json", got.Header("Content-Type"), StringComparison.Ordinal);

        var header = got.Header(WebhookSignature.HeaderName);
        var now = DateTimeOffset.UtcNow;
        Assert.True(WebhookSignature.Verify(Secret, header, got.Body, now, WebhookSignature.DefaultTolerance), $"signature {header} should verify");
        Assert.False(WebhookSignature.Verify("whsec_another_secret_0000", header, got.Body, now, WebhookSignature.DefaultTolerance), "another secret");
        var tampered = Encoding.UTF8.GetBytes(got.BodyText.Replace("u-2", "u-3", StringComparison.Ordinal));
        Assert.False(WebhookSignature.Verify(Secret, header, tampered, now, WebhookSignature.DefaultTolerance), "tampered body");
        Assert.False(WebhookSignature.Verify(Secret, header, got.Body, now.AddMinutes(10), WebhookSignature.DefaultTolerance), "ten minutes later");

        // The scheme, recomputed from its definition rather than through WebhookSignature.
        var parts = header!.Split(',').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes(parts["t"] + "." + got.BodyText));
        Assert.Equal(Convert.ToHexStringLower(expected), parts["v1"]);
        Assert.InRange(long.Parse(parts["t"], System.Globalization.CultureInfo.InvariantCulture), now.AddMinutes(-1).ToUnixTimeSeconds(), now.ToUnixTimeSeconds());

        using var body = JsonDocument.Parse(got.Body);
        Assert.Equal(evt.Id, body.RootElement.GetProperty("id").GetString());
        Assert.Equal(evt.Type, body.RootElement.GetProperty("type").GetString());
        Assert.Equal(evt.OccurredAt, body.RootElement.GetProperty("createdAt").GetDateTimeOffset());
        Assert.Equal(evt.DataJson, body.RootElement.GetProperty("data").GetRawText());

        var log = await WaitForLog(grain, p => p.Deliveries.Any(d => d.State == WebhookDeliveryState.Delivered), "delivered");
        var line = Assert.Single(log.Deliveries);
        Assert.Equal((evt.Id, evt.Type, 1, 200), (line.EventId, line.EventType, line.Attempt, line.StatusCode!.Value));
        Assert.Null(line.Error);
        Assert.Null(line.NextAttemptAt);
        Assert.Equal(0, log.Queued);
    }

    [Fact]
    public async Task TwoServerErrorsAreRetriedWithBackoffAndTheThirdAttemptDelivers()
    {
        using var receiver = new WebhookReceiver().Start();
        receiver.Script(500, 500);
        var grain = NewWebhook();
        await grain.Configure(new WebhookEndpoint(receiver.Url, Secret));
        var evt = Event();

        await grain.Enqueue(evt);
        var requests = await receiver.WaitForAsync(3, Within, Ct);
        var log = await WaitForLog(grain, p => p.Deliveries.Any(d => d.State == WebhookDeliveryState.Delivered), "third attempt delivered");

        Assert.Equal(["1", "2", "3"], requests.Select(r => r.Header(WebhookSignature.AttemptHeader)));
        Assert.All(requests, r => Assert.Equal(requests[0].BodyText, r.BodyText));
        Assert.All(requests, r => Assert.True(WebhookSignature.Verify(Secret, r.Header(WebhookSignature.HeaderName), r.Body, DateTimeOffset.UtcNow, WebhookSignature.DefaultTolerance)));
        // Backoff after attempt n is InitialBackoff * 2^(n-1) scaled into [0.5, 1).
        Assert.True(requests[1].At - requests[0].At >= WebhookClusterFixture.InitialBackoff / 2, $"second attempt came {(requests[1].At - requests[0].At).TotalMilliseconds} ms after the first");
        Assert.True(requests[2].At - requests[1].At >= WebhookClusterFixture.InitialBackoff, $"third attempt came {(requests[2].At - requests[1].At).TotalMilliseconds} ms after the second");

        Assert.Equal(3, log.Total);
        Assert.Equal(0, log.Queued);
        var newestFirst = log.Deliveries;
        Assert.Equal([3, 2, 1], newestFirst.Select(d => d.Attempt));
        Assert.Equal([200, 500, 500], newestFirst.Select(d => d.StatusCode!.Value));
        Assert.Equal([WebhookDeliveryState.Delivered, WebhookDeliveryState.Pending, WebhookDeliveryState.Pending], newestFirst.Select(d => d.State));
        Assert.Null(newestFirst[0].NextAttemptAt);
        Assert.All(newestFirst.Skip(1), d => Assert.True(d.NextAttemptAt > d.At, "a failed attempt names its next attempt"));
        Assert.All(newestFirst, d => Assert.Equal(evt.Id, d.EventId));
    }

    [Fact]
    public async Task AnEventIdIsAcceptedOnceAndDeliveredOnce()
    {
        using var receiver = new WebhookReceiver().Start();
        var grain = NewWebhook();
        await grain.Configure(new WebhookEndpoint(receiver.Url, Secret));
        var first = Event();
        var second = Event();

        Assert.True(await grain.Enqueue(first));
        Assert.False(await grain.Enqueue(first));
        Assert.False(await grain.Enqueue(first with { Type = WebhookEventTypes.ReferralRejected, DataJson = "{}" }));
        Assert.True(await grain.Enqueue(second));
        await WaitForLog(grain, p => p.Deliveries.Count(d => d.State == WebhookDeliveryState.Delivered) == 2, "both delivered");

        Assert.Equal([first.Id, second.Id], receiver.Received.Select(r => r.Header(WebhookSignature.EventIdHeader)));
        Assert.False(await grain.Enqueue(first), "a delivered event is still remembered");
    }

    [Fact]
    public async Task AReceiverThatIsDownIsRetriedUntilItIsUpAgain()
    {
        using var receiver = new WebhookReceiver();
        var grain = NewWebhook();
        await grain.Configure(new WebhookEndpoint(receiver.Url, Secret));
        var evt = Event();

        await grain.Enqueue(evt);
        var failed = await WaitForLog(grain, p => p.Deliveries.Count > 0, "a first failed attempt");
        receiver.Start();
        var log = await WaitForLog(grain, p => p.Deliveries.Any(d => d.State == WebhookDeliveryState.Delivered), "delivery once the receiver is up");

        var refused = failed.Deliveries[^1];
        Assert.Equal((1, WebhookDeliveryState.Pending), (refused.Attempt, refused.State));
        Assert.Null(refused.StatusCode);
        Assert.False(string.IsNullOrEmpty(refused.Error), "a connection error is logged");
        var delivered = log.Deliveries[0];
        Assert.True(delivered.Attempt > 1, "delivered on a retry");
        Assert.Equal(200, delivered.StatusCode);
        Assert.Equal(log.Total, delivered.Attempt);
        Assert.Equal(evt.Id, Assert.Single(receiver.Received).Header(WebhookSignature.EventIdHeader));
    }

    [Fact]
    public async Task AnEndpointThatKeepsFailingIsGivenUpAfterMaxAttempts()
    {
        using var receiver = new WebhookReceiver { DefaultStatus = 503 }.Start();
        var grain = NewWebhook();
        await grain.Configure(new WebhookEndpoint(receiver.Url, Secret));

        await grain.Enqueue(Event());
        var log = await WaitForLog(grain, p => p.Deliveries.Any(d => d.State == WebhookDeliveryState.Failed), "given up");

        Assert.Equal(WebhookClusterFixture.MaxAttempts, receiver.Received.Count);
        Assert.Equal(Enumerable.Range(1, WebhookClusterFixture.MaxAttempts).Reverse(), log.Deliveries.Select(d => d.Attempt));
        Assert.Equal(WebhookDeliveryState.Failed, log.Deliveries[0].State);
        Assert.Null(log.Deliveries[0].NextAttemptAt);
        Assert.All(log.Deliveries.Skip(1), d => Assert.Equal(WebhookDeliveryState.Pending, d.State));
        Assert.All(log.Deliveries, d => Assert.Equal(503, d.StatusCode));
        Assert.Equal(0, log.Queued);
    }

    [Fact]
    public async Task RedirectsAreNotFollowedAndCountAsFailedAttempts()
    {
        using var elsewhere = new WebhookReceiver().Start();
        using var receiver = new WebhookReceiver { Location = elsewhere.Url }.Start();
        receiver.Script(307);
        var grain = NewWebhook();
        await grain.Configure(new WebhookEndpoint(receiver.Url, Secret));

        await grain.Enqueue(Event());
        var log = await WaitForLog(grain, p => p.Deliveries.Any(d => d.State == WebhookDeliveryState.Delivered), "delivered after the redirect");

        Assert.Equal([200, 307], log.Deliveries.Select(d => d.StatusCode!.Value));
        Assert.Equal(WebhookDeliveryState.Pending, log.Deliveries[1].State);
        Assert.Empty(elsewhere.Received);
    }

    [Fact]
    public async Task ASlowReceiverTimesOutWithoutHoldingUpTheGrainAndIsRetried()
    {
        using var receiver = new WebhookReceiver { Delay = TimeSpan.FromSeconds(5) }.Start();
        var grain = NewWebhook();
        await grain.Configure(new WebhookEndpoint(receiver.Url, Secret));

        await grain.Enqueue(Event());
        await receiver.WaitForAsync(1, Within, Ct);
        // The request is in flight (it times out after 1 s); the grain still answers meanwhile. Had
        // it waited for the request, the timed-out attempt would already be in the log.
        var during = await grain.Deliveries(0, 10);
        Assert.Equal(0, during.Total);
        Assert.Equal(1, during.Queued);
        Assert.True(await grain.Enqueue(Event()), "enqueue while a request is in flight");

        var timedOut = await WaitForLog(grain, p => p.Deliveries.Count > 0, "the timed-out attempt");
        receiver.Delay = TimeSpan.Zero;
        var log = await WaitForLog(grain, p => p.Deliveries.Count(d => d.State == WebhookDeliveryState.Delivered) == 2, "both delivered");

        var first = timedOut.Deliveries[^1];
        Assert.Null(first.StatusCode);
        Assert.Contains("timeout", first.Error, StringComparison.Ordinal);
        Assert.InRange(first.Duration, WebhookClusterFixture.Timeout * 0.9, TimeSpan.FromSeconds(4));
        Assert.Equal(0, log.Queued);
    }

    [Fact]
    public async Task WithoutAnEndpointEventsAreLoggedAsSkippedAndStillDeduplicated()
    {
        var grain = NewWebhook();
        var evt = Event();

        Assert.Null(await grain.Endpoint());
        Assert.True(await grain.Enqueue(evt));
        Assert.False(await grain.Enqueue(evt));

        var log = await grain.Deliveries(0, 10);
        var line = Assert.Single(log.Deliveries);
        Assert.Equal((evt.Id, 0, WebhookDeliveryState.Skipped), (line.EventId, line.Attempt, line.State));
        Assert.Equal(0, log.Queued);
    }

    [Fact]
    public async Task RemovingTheEndpointSkipsTheEventsStillWaiting()
    {
        using var receiver = new WebhookReceiver();
        var grain = NewWebhook();
        await grain.Configure(new WebhookEndpoint(receiver.Url, Secret));
        var waiting = new[] { Event(), Event() };
        foreach (var evt in waiting)
        {
            await grain.Enqueue(evt);
        }

        await grain.Configure(null);
        var log = await grain.Deliveries(0, 50);

        Assert.Null(await grain.Endpoint());
        Assert.Equal(0, log.Queued);
        Assert.Equal(waiting.Select(e => e.Id).Order(), log.Deliveries.Where(d => d.State == WebhookDeliveryState.Skipped).Select(d => d.EventId).Order());
    }

    [Fact]
    public async Task AFullQueueDropsItsOldestEventAndSaysSoInTheLog()
    {
        using var receiver = new WebhookReceiver { Delay = TimeSpan.FromSeconds(3) }.Start();
        var grain = NewWebhook();
        await grain.Configure(new WebhookEndpoint(receiver.Url, Secret));
        var events = Enumerable.Range(0, WebhookClusterFixture.MaxQueueLength + 2).Select(_ => Event()).ToList();

        foreach (var evt in events)
        {
            Assert.True(await grain.Enqueue(evt));
        }

        var log = await grain.Deliveries(0, 50);
        Assert.Equal(WebhookClusterFixture.MaxQueueLength, log.Queued);
        var dropped = log.Deliveries.Where(d => d.State == WebhookDeliveryState.Failed).ToList();
        Assert.Equal([events[1].Id, events[0].Id], dropped.Select(d => d.EventId));
        Assert.All(dropped, d => Assert.StartsWith("dropped", d.Error, StringComparison.Ordinal));
        await grain.Configure(null);
    }

    [Fact]
    public async Task TheSecretIsEncryptedAtRestAndNeverShown()
    {
        var grain = NewWebhook();
        const string Url = "https://hooks.example.com/referrals?source=test";

        await grain.Configure(new WebhookEndpoint(Url, Secret));
        var view = await grain.Endpoint();
        var stored = await cluster.StoredStateAsync<WebhookState>(grain, "webhook");

        Assert.NotNull(view);
        Assert.Equal(Url, view.Url);
        Assert.True(view.HasSecret);
        Assert.Equal(Url, stored.Url);
        Assert.NotNull(stored.ProtectedSecret);
        Assert.DoesNotContain(Secret, stored.ProtectedSecret, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, new WebhookEndpoint(Url, Secret).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvalidEndpointsAndEventsAreRefusedAndChangeNothing()
    {
        var grain = NewWebhook();

        var url = await Assert.ThrowsAsync<ArgumentException>(() => grain.Configure(new WebhookEndpoint("ftp://hooks.example.com/x", Secret)));
        Assert.StartsWith(WebhookErrors.InvalidUrl, url.Message, StringComparison.Ordinal);
        var secret = await Assert.ThrowsAsync<ArgumentException>(() => grain.Configure(new WebhookEndpoint("https://hooks.example.com/x", "short")));
        Assert.StartsWith(WebhookErrors.InvalidSecret, secret.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ArgumentException>(() => grain.Enqueue(Event() with { DataJson = "{not json" }));
        await Assert.ThrowsAsync<ArgumentException>(() => grain.Enqueue(Event() with { Id = "" }));
        await Assert.ThrowsAsync<ArgumentException>(() => grain.Enqueue(Event() with { Type = "Referral Pending" }));

        Assert.Null(await grain.Endpoint());
        Assert.Equal(0, (await grain.Deliveries(0, 10)).Total);
    }

    [Fact]
    public async Task AfterDeactivationDeliveryResumesWithoutAnyCall()
    {
        using var receiver = new WebhookReceiver();
        var grain = NewWebhook();
        await grain.Configure(new WebhookEndpoint(receiver.Url, Secret));
        var evt = Event();
        await grain.Enqueue(evt);
        await WaitForLog(grain, p => p.Deliveries.Count > 0, "a first failed attempt");

        await grain.Cast<IGrainManagementExtension>().DeactivateOnIdle(Ct);
        receiver.Start();

        // Nothing calls the grain now: the reminder (2 s here) activates it and the queue resumes.
        var got = await receiver.WaitForAsync(1, Within, Ct);
        Assert.Equal(evt.Id, got[0].Header(WebhookSignature.EventIdHeader));
    }

    private IWebhookGrain NewWebhook() => cluster.Client.GetGrain<IWebhookGrain>(WebhookKeys.For(Guid.NewGuid()));

    private static WebhookEvent Event(string type = WebhookEventTypes.ReferralPending, string? data = null) =>
        new("evt_" + Guid.NewGuid().ToString("N"), type, DateTimeOffset.UtcNow, data ?? """{"referralId":"r-1","points":250}""");

    /// <summary>Polls the delivery log every 20 ms (retries here are a few hundred ms apart) until <paramref name="done"/>.</summary>
    private static async Task<WebhookDeliveryPage> WaitForLog(IWebhookGrain grain, Func<WebhookDeliveryPage, bool> done, string what)
    {
        var deadline = DateTime.UtcNow + Within;
        while (true)
        {
            var page = await grain.Deliveries(0, 100);
            if (done(page))
            {
                return page;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{what} did not happen within {Within.TotalSeconds:0}s; log: {string.Join("; ", page.Deliveries)}");
            }

            await Task.Delay(20, Ct);
        }
    }
}
