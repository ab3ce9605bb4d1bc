using System.Net;
using Referral.Testing;
using Xunit;

namespace Referral.Api.Tests.Referrals;

/// <summary>The api (memory mode) with fast webhook retries, bound through the product's own <c>Webhooks</c> settings.</summary>
public sealed class WebhookApiFixture : IAsyncLifetime
{
    public ReferralApiFactory Api { get; } = new();

    public static void FastWebhooks(ReferralApiFactory api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.Settings["Webhooks:InitialBackoff"] = "00:00:00.200";
        api.Settings["Webhooks:MaxBackoff"] = "00:00:01";
        api.Settings["Webhooks:MaxAttempts"] = "30";
        api.Settings["Webhooks:Timeout"] = "00:00:02";
        api.Settings["Webhooks:ReminderPeriod"] = "00:00:02";
    }

    public async ValueTask InitializeAsync()
    {
        FastWebhooks(Api);
        await Api.InitializeAsync();
        using var http = Api.CreateHttpClient();
        await Eventually.Get(http, "health/ready", HttpStatusCode.OK, TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync() => await Api.DisposeAsync();
}
