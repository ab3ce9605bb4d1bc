using Referral.LoadGen;
using Referral.LoadGen.Spins;
using Referral.Testing;
using Xunit;

namespace Referral.LoadGen.Tests;

/// <summary>
/// A small run of the <c>spins</c> scenario against a real api on a loopback port: 300 guests spin
/// a wheel whose prize has stock 10, 50 requests in flight. Guards the scenario and the product's
/// exactness together; the numbers are for docs/benchmarks.md.
/// </summary>
public sealed class SpinsSmokeTests(ReferralApiFactory api) : IClassFixture<ReferralApiFactory>
{
    [Fact]
    public async Task ThreeHundredConcurrentSpinsTakeExactlyTheStockAndRepeatsAreIdentical()
    {
        var options = LoadGenOptions.Parse(["spins", "--players", "300", "--batch", "50", "--stock", "10"]);

        var metrics = await new SpinRun(options, api.ServerAddress, ReferralApiFactory.AdminEmail, AuthClient.Password, TextWriter.Null)
            .RunAsync(TestContext.Current.CancellationToken);

        Assert.True(metrics.Errors.Count == 0, "errors: " + string.Join(", ", metrics.Errors.Select(e => $"{e.Key}={e.Value}")));
        Assert.Equal(300, metrics.Completed);
        Assert.Equal(10, metrics.Winners);
        Assert.Equal(0, metrics.StockLeft);
        Assert.Equal(1000, metrics.PointsPaid);
        Assert.True(metrics.StockExact);
        Assert.Equal(30, metrics.Repeats);
        Assert.Equal(0, metrics.RepeatMismatches);
        Assert.Equal(300, metrics.Spin.Count);
    }
}
