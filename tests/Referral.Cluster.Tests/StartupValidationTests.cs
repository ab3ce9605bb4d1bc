using Referral.Testing;
using Xunit;

namespace Referral.Cluster.Tests;

/// <summary>A real silo process with bad configuration stops at start-up and names the setting.</summary>
public sealed class StartupValidationTests
{
    [Theory]
    [InlineData("Streaming__EventHubs__Hub", "Streaming:EventHubs:Hub")]
    [InlineData("Streaming__EventHubs__ConnectionString", "Streaming:EventHubs:ConnectionString")]
    public async Task SiloWithEventHubsMissingASettingExitsNamingIt(string omitted, string named)
    {
        var environment = new Dictionary<string, string>
        {
            ["Streaming__Provider"] = "EventHubs",
            ["Streaming__EventHubs__ConnectionString"] = "Endpoint=sb://referral-test.invalid/;SharedAccessKeyName=test;SharedAccessKey=dGVzdGtleQ==",
            ["Streaming__EventHubs__Hub"] = "referral-events",
            ["Orleans__SiloPort"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Orleans__GatewayPort"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Urls"] = $"http://127.0.0.1:{FreePort.Next()}",
        };
        environment.Remove(omitted);

        await using var silo = ServerProcess.Start("silo", "silo", "Referral.Silo", environment);
        var exitCode = await silo.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.NotEqual(0, exitCode);
        Assert.Contains(named, silo.OutputTail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApiClientWithAnInvalidRoleExitsNamingTheSetting()
    {
        await using var api = ServerProcess.Start("api", "api", "Referral.Api", new Dictionary<string, string>
        {
            ["Orleans__Role"] = "Gateway",
            ["Urls"] = $"http://127.0.0.1:{FreePort.Next()}",
        });
        var exitCode = await api.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.NotEqual(0, exitCode);
        Assert.Contains("Orleans:Role", api.OutputTail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApiClientWithoutAuthSecretsExitsNamingThem()
    {
        await using var api = ServerProcess.Start("api", "api", "Referral.Api", new Dictionary<string, string>
        {
            ["Orleans__Role"] = "Client",
            ["Urls"] = $"http://127.0.0.1:{FreePort.Next()}",
        });
        var exitCode = await api.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.NotEqual(0, exitCode);
        Assert.Contains("Auth:SigningKeys", api.OutputTail, StringComparison.Ordinal);
        Assert.Contains("Auth:AccountKeySecret", api.OutputTail, StringComparison.Ordinal);
    }
}
