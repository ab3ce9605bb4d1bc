using System.Text.Json;
using Xunit;

namespace Referral.Api.Tests.Foundation;

/// <summary>
/// The runtime settings the server processes are measured with (ServerRuntime.props,
/// docs/benchmarks.md) reach the runtimeconfig.json that the api and silo processes start with.
/// </summary>
public sealed class ServerRuntimeTests
{
    [Theory]
    [InlineData("Referral.Api")]
    [InlineData("Referral.Silo")]
    public void ServerProcessesStartWithTheMeasuredGcAndJitSettings(string assembly)
    {
        var path = Path.Combine(AppContext.BaseDirectory, assembly + ".runtimeconfig.json");
        Assert.True(File.Exists(path), $"{path} is missing: the test project must reference {assembly}.");
        using var config = JsonDocument.Parse(File.ReadAllText(path));
        var properties = config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");

        Assert.True(properties.GetProperty("System.GC.Server").GetBoolean());
        Assert.False(properties.GetProperty("System.GC.Concurrent").GetBoolean());
        Assert.Equal(0, properties.GetProperty("System.GC.DynamicAdaptationMode").GetInt32());
        Assert.False(properties.GetProperty("System.Runtime.TieredPGO").GetBoolean());
        var budget = properties.GetProperty("System.GC.Gen0MaxBudget").GetString()!;
        Assert.Equal(32 * 1024 * 1024, Convert.ToInt64(budget, 16));
    }
}
