using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans;
using Orleans.Configuration;
using Orleans.Streaming.EventHubs;
using Orleans.Streams;
using Referral.Grains.Abstractions;
using Referral.Silo.Hosting;
using Xunit;

namespace Referral.Api.Tests.Foundation;

/// <summary>Topology is chosen by configuration; wrong configuration stops start-up and names the setting.</summary>
public sealed class ConfigurationTests
{
    private const string FakeEventHubs = "Endpoint=sb://referral-test.invalid/;SharedAccessKeyName=test;SharedAccessKey=dGVzdGtleQ==";

    [Fact]
    public void DefaultsAreSingleNodeMemoryMode()
    {
        var settings = ReferralSettings.From(Config([]));
        Assert.False(settings.IsDurable);
        Assert.Equal(OrleansRole.Silo, settings.Orleans.Role);
        Assert.Equal(StreamingProvider.Memory, settings.Streaming.Provider);
        Assert.Equal(11111, settings.Orleans.SiloPort);
        Assert.Equal(30000, settings.Orleans.GatewayPort);
    }

    [Fact]
    public void ConnectionStringSwitchesToDurableModeAndPodIpBecomesTheAdvertisedAddress()
    {
        var settings = ReferralSettings.From(Config(new()
        {
            ["ConnectionStrings:Referral"] = "Host=127.0.0.1;Database=x",
            ["POD_IP"] = "10.1.2.3",
            ["Orleans:Role"] = "Client",
        }));
        Assert.True(settings.IsDurable);
        Assert.Equal(OrleansRole.Client, settings.Orleans.Role);
        Assert.Equal("10.1.2.3", settings.Orleans.AdvertisedIPAddress);
    }

    [Theory]
    [InlineData("Streaming:EventHubs:ConnectionString", "Streaming:EventHubs:ConnectionString")]
    [InlineData("Streaming:EventHubs:Hub", "Streaming:EventHubs:Hub")]
    public void EventHubsWithAMissingSettingStopsStartUpNamingIt(string omitted, string named)
    {
        var values = new Dictionary<string, string?>
        {
            ["Streaming:Provider"] = "EventHubs",
            ["Streaming:EventHubs:ConnectionString"] = FakeEventHubs,
            ["Streaming:EventHubs:Hub"] = "referral-events",
        };
        values.Remove(omitted);

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(values);
        var error = Assert.Throws<InvalidOperationException>(() => builder.AddReferralSilo());
        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Orleans:SiloPort", "0", "Orleans:SiloPort")]
    [InlineData("Orleans:GatewayPort", "70000", "Orleans:GatewayPort")]
    [InlineData("Orleans:AdvertisedIPAddress", "not-an-ip", "Orleans:AdvertisedIPAddress")]
    [InlineData("Orleans:ClusterId", "", "Orleans:ClusterId")]
    public void InvalidOrleansSettingsStopStartUpNamingThem(string key, string value, string named)
    {
        var error = Assert.Throws<InvalidOperationException>(() => ReferralSettings.From(Config(new() { [key] = value })));
        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownRoleStopsStartUpNamingTheSetting()
    {
        var error = Assert.Throws<InvalidOperationException>(() => ReferralSettings.From(Config(new() { ["Orleans:Role"] = "Gateway" })));
        Assert.Contains("Orleans:Role", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EventHubsConfigurationBuildsASiloWithTheEventHubsProviderRegistered()
    {
        using var host = BuildSilo(new()
        {
            ["Streaming:Provider"] = "EventHubs",
            ["Streaming:EventHubs:ConnectionString"] = FakeEventHubs,
            ["Streaming:EventHubs:Hub"] = "referral-events",
            ["Streaming:EventHubs:ConsumerGroup"] = "silos",
        });

        var factory = host.Services.GetRequiredKeyedService<IQueueAdapterFactory>(StorageNames.StreamProvider);
        Assert.IsType<EventHubAdapterFactory>(factory);

        // Orleans' own start-up validators: the Event Hubs one fails unless a connection was
        // configured, the checkpointer one unless its grain storage is registered.
        var validators = host.Services.GetServices<IConfigurationValidator>().ToList();
        Assert.Contains(validators, v => v is EventHubOptionsValidator);
        foreach (var validator in validators)
        {
            validator.ValidateConfiguration();
        }
    }

    [Fact]
    public void MemoryConfigurationBuildsASiloWithMemoryStreams()
    {
        using var host = BuildSilo([]);
        var factory = host.Services.GetRequiredKeyedService<IQueueAdapterFactory>(StorageNames.StreamProvider);
        Assert.IsNotType<EventHubAdapterFactory>(factory);
        Assert.Contains("Memory", factory.GetType().Name, StringComparison.Ordinal);
    }

    [Fact]
    public void SilosReadTheQuizSettingsThemselves()
    {
        // In cluster mode grains run in silo processes that have no api, so the silo binds them.
        using var host = BuildSilo(new() { ["Quiz:MaxPlayersPerRoom"] = "123" });
        var options = host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Referral.Grains.Quiz.QuizOptions>>().Value;
        Assert.Equal(123, options.MaxPlayersPerRoom);
    }

    private static IHost BuildSilo(Dictionary<string, string?> values)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(values);
        builder.AddReferralSilo();
        return builder.Build();
    }

    private static IConfiguration Config(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
