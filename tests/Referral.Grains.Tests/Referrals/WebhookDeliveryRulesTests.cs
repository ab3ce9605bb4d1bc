using System.Text.Json;
using Referral.Grains.Abstractions.Referrals.Webhooks;
using Referral.Grains.Referrals.Webhooks;
using Xunit;

namespace Referral.Grains.Tests.Referrals;

/// <summary>Backoff, payload and options: the pure parts of delivery.</summary>
public sealed class WebhookDeliveryRulesTests
{
    private static readonly TimeSpan Initial = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Max = TimeSpan.FromHours(1);

    [Theory]
    [InlineData(1, 30)]
    [InlineData(2, 60)]
    [InlineData(3, 120)]
    [InlineData(7, 1920)]
    [InlineData(8, 3600)]
    [InlineData(50, 3600)]
    [InlineData(int.MaxValue, 3600)]
    public void BackoffDoublesUpToTheCapAndJitterScalesItIntoItsUpperHalf(int failedAttempts, int fullSeconds)
    {
        var full = TimeSpan.FromSeconds(fullSeconds);

        Assert.Equal(full / 2, WebhookBackoff.After(failedAttempts, Initial, Max, 0));
        Assert.Equal(full * 0.75, WebhookBackoff.After(failedAttempts, Initial, Max, 0.5));
        var top = WebhookBackoff.After(failedAttempts, Initial, Max, 0.999999);
        Assert.True(top < full && top > full * 0.99, $"{top} should be just under {full}");
    }

    [Fact]
    public void BackoffStartsAfterTheFirstFailure()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => WebhookBackoff.After(0, Initial, Max, 0.5));
    }

    [Fact]
    public void TheBodyCarriesIdTypeUtcCreatedAtAndTheDataVerbatim()
    {
        const string Data = """{ "referralId" : "r-1", "amounts": [1, 2.50], "note": "naïve \u00e9" }""";
        var evt = new WebhookEvent("evt_42", WebhookEventTypes.ReferralApproved, new DateTimeOffset(2026, 11, 26, 14, 30, 0, TimeSpan.FromHours(2)), Data);

        var text = WebhookPayload.BodyText(evt);
        using var body = JsonDocument.Parse(text);

        Assert.Equal(["id", "type", "createdAt", "data"], body.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal("evt_42", body.RootElement.GetProperty("id").GetString());
        Assert.Equal("referral.approved", body.RootElement.GetProperty("type").GetString());
        Assert.Equal("2026-11-26T12:30:00+00:00", body.RootElement.GetProperty("createdAt").GetString());
        Assert.Equal(Data, body.RootElement.GetProperty("data").GetRawText());
    }

    [Fact]
    public void TheDefaultOptionsAreValid()
    {
        Assert.Empty(new WebhookOptions().Validate());
    }

    [Fact]
    public void WrongOptionsAreEachNamed()
    {
        var options = new WebhookOptions
        {
            MaxAttempts = 0,
            InitialBackoff = TimeSpan.Zero,
            MaxBackoff = TimeSpan.FromSeconds(-1),
            Timeout = TimeSpan.FromMinutes(10),
            MaxQueueLength = 0,
            MaxLogEntries = 0,
            MaxRememberedEvents = -1,
            ReminderPeriod = TimeSpan.FromMilliseconds(10),
        };

        var errors = options.Validate();

        foreach (var name in new[] { "MaxAttempts", "InitialBackoff", "MaxBackoff", "Timeout", "MaxQueueLength", "MaxLogEntries", "MaxRememberedEvents", "ReminderPeriod" })
        {
            Assert.Contains(errors, e => e.StartsWith("Webhooks:" + name + " ", StringComparison.Ordinal));
        }
    }
}
