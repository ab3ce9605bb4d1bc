using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Core.Internal;
using Referral.Api.Tests.Rooms;
using Referral.Grains.Abstractions.Wallet;
using Referral.Grains.Abstractions.Wheel;
using Xunit;

namespace Referral.Api.Tests.Wheel;

/// <summary>The wheel in PostgreSQL mode: stock stays exact under concurrency and survives reactivation.</summary>
public sealed class DurableWheelTests(DurableApiFixture durable) : IClassFixture<DurableApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AThousandConcurrentSpinsOnPostgresGiveExactlyTenWinnersAndTheStockSurvivesReactivation()
    {
        var grains = durable.Api.Services.GetRequiredService<IGrainFactory>();
        var wheelId = "pg-" + Guid.NewGuid().ToString("N")[..8];
        var wheel = grains.GetGrain<IWheelGrain>(wheelId);
        var definition = new WheelDefinition(
            "Durable wheel",
            [
                new WheelSegment("prize", "100 points", "#ff0000", new WheelPrize(PrizeKind.Points, 100, null), 1, 10, true),
                new WheelSegment("nothing", "Try again", "#00ff00", new WheelPrize(PrizeKind.Nothing, 0, null), 1, null, false),
            ],
            true, null, null, 1, 1, 5);
        Assert.True((await wheel.Create(definition)).Ok);
        var users = Enumerable.Range(0, 1000).Select(_ => Guid.NewGuid()).ToList();

        var clock = Stopwatch.StartNew();
        var results = await Task.WhenAll(users.Select(u => grains.GetGrain<IWheelPlayerGrain>(u).Spin(wheelId, "pg-spin").AsTask()));
        TestContext.Current.TestOutputHelper?.WriteLine($"1,000 concurrent spins on PostgreSQL: {clock.ElapsedMilliseconds} ms");

        Assert.All(results, r => Assert.True(r.Ok, r.Detail));
        Assert.Equal(10, results.Count(r => r.Value!.SegmentId == "prize"));
        var points = await Task.WhenAll(users.Select(async u => (await grains.GetGrain<IRewardWalletGrain>(u).Balances())[Currencies.Points]));
        Assert.Equal(1000, points.Sum());

        await wheel.Cast<IGrainManagementExtension>().DeactivateOnIdle(Ct);
        var odds = (await grains.GetGrain<IWheelGrain>(wheelId).Odds()).Value!;
        Assert.Equal(0, odds.Segments[0].Remaining);
        var winner = users[Array.FindIndex(results, r => r.Value!.SegmentId == "prize")];
        var player = grains.GetGrain<IWheelPlayerGrain>(winner);
        await player.Cast<IGrainManagementExtension>().DeactivateOnIdle(Ct);
        Assert.Equal("prize", (await player.Spin(wheelId, "pg-spin")).Value!.SegmentId);
        Assert.Equal(100, (await grains.GetGrain<IRewardWalletGrain>(winner).Balances())[Currencies.Points]);
    }
}
