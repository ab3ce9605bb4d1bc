using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Hosting;
using Referral.Grains.Referrals.Webhooks;
using Referral.Silo.Hosting;
using Xunit;

namespace Referral.Api.Tests.Referrals;

/// <summary>The <c>Webhooks</c> section is read by silos themselves (grains run there) and checked before they start.</summary>
public sealed class WebhookSettingsTests
{
    [Fact]
    public void SilosBindTheWebhookSettingsAndLowerTheReminderMinimumToTheirPeriod()
    {
        using var host = BuildSilo(new()
        {
            ["Webhooks:MaxAttempts"] = "3",
            ["Webhooks:InitialBackoff"] = "00:00:02",
            ["Webhooks:Timeout"] = "00:00:04",
            ["Webhooks:ReminderPeriod"] = "00:00:05",
        });

        var options = host.Services.GetRequiredService<IOptions<WebhookOptions>>().Value;
        Assert.Equal(3, options.MaxAttempts);
        Assert.Equal(TimeSpan.FromSeconds(2), options.InitialBackoff);
        Assert.Equal(TimeSpan.FromSeconds(4), options.Timeout);
        Assert.Equal(TimeSpan.FromHours(1), options.MaxBackoff);
        Assert.Equal(TimeSpan.FromSeconds(5), host.Services.GetRequiredService<IOptions<ReminderOptions>>().Value.MinimumReminderPeriod);
        Assert.NotNull(host.Services.GetRequiredService<IHttpClientFactory>().CreateClient(WebhookSender.ClientName));
    }

    [Fact]
    public void TheDefaultReminderPeriodLeavesOrleansMinimumAlone()
    {
        using var host = BuildSilo([]);

        Assert.Equal(TimeSpan.FromMinutes(1), host.Services.GetRequiredService<IOptions<ReminderOptions>>().Value.MinimumReminderPeriod);
    }

    [Fact]
    public void WrongWebhookSettingsAreRefusedNamingEachSetting()
    {
        using var host = BuildSilo(new()
        {
            ["Webhooks:MaxAttempts"] = "0",
            ["Webhooks:InitialBackoff"] = "00:00:10",
            ["Webhooks:MaxBackoff"] = "00:00:05",
        });

        var error = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<WebhookOptions>>().Value);
        Assert.Contains(error.Failures, f => f.StartsWith("Webhooks:MaxAttempts ", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.StartsWith("Webhooks:MaxBackoff ", StringComparison.Ordinal));
    }

    private static IHost BuildSilo(Dictionary<string, string?> values)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(values);
        builder.AddReferralSilo();
        return builder.Build();
    }
}
