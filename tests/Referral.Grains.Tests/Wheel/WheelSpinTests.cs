using Orleans.Core.Internal;
using Referral.Grains.Abstractions.Wallet;
using Referral.Grains.Abstractions.Wheel;
using Referral.Grains.Wheel;
using Xunit;

namespace Referral.Grains.Tests.Wheel;

/// <summary>Spins end to end on one silo: payment, limits, stock, idempotency, fairness and crashes.</summary>
[Collection(WheelCluster.Name)]
public sealed class WheelSpinTests(WheelClusterFixture cluster)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<string> CreateWheel(WheelDefinition definition)
    {
        var id = Wheels.NewId();
        var created = await cluster.Client.GetGrain<IWheelGrain>(id).Create(definition);
        Assert.True(created.Ok, created.Detail);
        return id;
    }

    private IWheelPlayerGrain Player(Guid userId) => cluster.Client.GetGrain<IWheelPlayerGrain>(userId);

    private IRewardWalletGrain Wallet(Guid userId) => cluster.Client.GetGrain<IRewardWalletGrain>(userId);

    private async Task<Guid> PlayerWithSpins(long spins)
    {
        var user = Guid.NewGuid();
        if (spins > 0)
        {
            Assert.True((await Wallet(user).Grant(new WalletEntryRequest(Currencies.Spins, spins, "test", null, "seed-spins"))).Ok);
        }

        return user;
    }

    [Fact]
    public async Task ARepeatedSpinIdReturnsTheSameResultAndPaysOnce()
    {
        var wheel = await CreateWheel(Wheels.PrizeAndNothing(stock: null, freeSpinsPerDay: 0));
        var user = await PlayerWithSpins(3);

        var first = await Player(user).Spin(wheel, "spin-1");
        Assert.True(first.Ok, first.Detail);
        var again = await Player(user).Spin(wheel, "spin-1");

        Assert.Equal(first.Value!.Roll, again.Value!.Roll);
        Assert.Equal(first.Value.SegmentId, again.Value.SegmentId);
        Assert.Equal(first.Value.Nonce, again.Value.Nonce);
        var balances = await Wallet(user).Balances();
        Assert.Equal(2, balances[Currencies.Spins]);
        Assert.Equal(first.Value.SegmentId == "prize" ? 100 : 0, balances[Currencies.Points]);
        Assert.Equal(1, (await Player(user).Fairness()).NextNonce);
        Assert.Equal(WheelErrors.IdempotencyConflict, (await Player(user).Spin(await CreateWheel(Wheels.PrizeAndNothing(null)), "spin-1")).Error);
    }

    [Fact]
    public async Task TheFreeSpinComesFirstThenTokensAndWithoutTokensNothingChanges()
    {
        var wheel = await CreateWheel(Wheels.PrizeAndNothing(stock: null, freeSpinsPerDay: 1, cost: 2));
        var user = await PlayerWithSpins(3);

        var free = await Player(user).Spin(wheel, "a");
        Assert.True(free.Value!.FreeSpin);
        Assert.Equal(0, free.Value.Cost);
        var paid = await Player(user).Spin(wheel, "b");
        Assert.False(paid.Value!.FreeSpin);
        Assert.Equal(2, paid.Value.Cost);

        var broke = await Player(user).Spin(wheel, "c");
        Assert.Equal(WheelErrors.InsufficientSpins, broke.Error);
        Assert.Equal(1, (await Wallet(user).Balances())[Currencies.Spins]);
        Assert.Equal(2, (await Player(user).Allowance(wheel)).SpinsToday);
        Assert.Equal(2, (await Player(user).Fairness()).NextNonce);
        Assert.Equal(2, (await Player(user).History(0, 10)).Total);
    }

    [Fact]
    public async Task DailyLimitsResetAtTheUtcDayBoundaryAndNotBefore()
    {
        var wheel = await CreateWheel(Wheels.PrizeAndNothing(stock: null, freeSpinsPerDay: 1, dailyCap: 2));
        var user = await PlayerWithSpins(10);
        var now = cluster.Clock.GetUtcNow();
        cluster.Clock.Advance(now.Date.AddDays(1).AddSeconds(-30) - now.UtcDateTime);

        Assert.True((await Player(user).Spin(wheel, "d1-1")).Value!.FreeSpin);
        Assert.False((await Player(user).Spin(wheel, "d1-2")).Value!.FreeSpin);
        Assert.Equal(WheelErrors.DailyLimitReached, (await Player(user).Spin(wheel, "d1-3")).Error);

        cluster.Clock.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal(WheelErrors.DailyLimitReached, (await Player(user).Spin(wheel, "d1-4")).Error);

        cluster.Clock.Advance(TimeSpan.FromSeconds(2));
        var nextDay = await Player(user).Spin(wheel, "d2-1");
        Assert.True(nextDay.Ok, nextDay.Detail);
        Assert.True(nextDay.Value!.FreeSpin);
        Assert.Equal(1, (await Player(user).Allowance(wheel)).SpinsToday);
        var tokensSpent = 10 - (await Wallet(user).Balances())[Currencies.Spins];
        Assert.Equal(1, tokensSpent);
    }

    [Fact]
    public async Task AThousandConcurrentSpinsOnAPrizeWithStockTenGiveExactlyTenWinners()
    {
        var wheel = await CreateWheel(Wheels.PrizeAndNothing(stock: 10));
        var users = Enumerable.Range(0, 1000).Select(_ => Guid.NewGuid()).ToList();

        var results = await Task.WhenAll(users.Select(u => Player(u).Spin(wheel, "race").AsTask()));

        Assert.All(results, r => Assert.True(r.Ok, r.Detail));
        var winners = users.Where((_, i) => results[i].Value!.SegmentId == "prize").ToList();
        Assert.Equal(10, winners.Count);
        var points = await Task.WhenAll(users.Select(async u => (await Wallet(u).Balances())[Currencies.Points]));
        Assert.Equal(1000, points.Sum());
        var odds = (await cluster.Client.GetGrain<IWheelGrain>(wheel).Odds()).Value!;
        Assert.Equal(0, odds.Segments[0].Remaining);
        Assert.Equal([0.0, 1.0], odds.Segments.Select(s => s.Probability));

        // The first ten winners drew with the prize in stock, everyone after with it gone.
        Assert.All(results.Where(r => r.Value!.SegmentId == "prize"), r => Assert.Equal([1L, 1L], r.Value!.Weights));
        Assert.Contains(results, r => r.Value!.Weights.SequenceEqual([0L, 1L]));
    }

    [Fact]
    public async Task EverySpinRecomputesFromTheRevealedSeedAfterRotation()
    {
        var wheel = await CreateWheel(new WheelDefinition(
            "Verify", [Wheels.Segment("sa", 5, PrizeKind.Points, 1), Wheels.Segment("sb", 3, PrizeKind.Spins, 1), Wheels.Segment("sc", 2)], true, null, null, 1, 10, 20));
        var user = Guid.NewGuid();
        var published = await Player(user).Fairness();
        Assert.True((await Player(user).SetClientSeed("my-lucky-seed")).Ok);
        Assert.Equal(WheelErrors.ValidationFailed, (await Player(user).SetClientSeed("has:colon")).Error);

        var spins = new List<SpinResult>();
        for (var i = 0; i < 8; i++)
        {
            spins.Add((await Player(user).Spin(wheel, $"v{i}")).Value!);
        }

        Assert.All(spins, s => Assert.Null(s.ServerSeed));
        var rotation = await Player(user).RotateSeed();
        Assert.Equal(published.ServerSeedHash, rotation.RevealedServerSeedHash);
        Assert.Equal(published.ServerSeedHash, ProvablyFair.Hash(rotation.RevealedServerSeed));
        Assert.Equal(8, rotation.SpinsWithSeed);
        Assert.Equal(0, rotation.Next.NextNonce);
        Assert.NotEqual(published.ServerSeedHash, rotation.Next.ServerSeedHash);

        var history = (await Player(user).History(0, 100)).Spins;
        Assert.Equal(8, history.Count);
        foreach (var spin in history)
        {
            Assert.Equal(rotation.RevealedServerSeed, spin.ServerSeed);
            Assert.Equal("my-lucky-seed", spin.ClientSeed);
            var roll = ProvablyFair.Roll(spin.ServerSeed!, spin.ClientSeed, spin.Nonce);
            Assert.Equal(spin.Roll, ProvablyFair.RollHex(roll));
            Assert.Equal(spin.SegmentIndex, ProvablyFair.Pick(roll, spin.Weights));
        }

        Assert.Equal(Enumerable.Range(0, 8).Select(i => (long)i), history.Select(s => s.Nonce).Reverse());
    }

    [Fact]
    public async Task ACodePrizeLandsInTheWalletAndAnEmptyPoolRenormalisesOntoTheOtherSegments()
    {
        var poolId = "wheel-pool-" + Guid.NewGuid().ToString("N")[..8];
        var pool = cluster.Client.GetGrain<ICodePoolGrain>(poolId);
        await pool.Create("Wheel codes", null);
        await pool.AddCodes(["WHEEL-0001", "WHEEL-0002"]);
        var wheel = await CreateWheel(new WheelDefinition(
            "Codes", [Wheels.Segment("coupon", 1, PrizeKind.Code, poolId: poolId), Wheels.Segment("nothing", 1)], true, null, null, 1, 1, 5));

        var users = Enumerable.Range(0, 40).Select(_ => Guid.NewGuid()).ToList();
        var results = new List<SpinResult>();
        foreach (var u in users)
        {
            results.Add((await Player(u).Spin(wheel, "s")).Value!);
        }

        var winners = results.Where(r => r.SegmentId == "coupon").ToList();
        Assert.Equal(2, winners.Count);
        Assert.Equal(["WHEEL-0001", "WHEEL-0002"], winners.Select(w => w.Code!).Order(StringComparer.Ordinal));
        foreach (var (user, result) in users.Zip(results))
        {
            var codes = await Wallet(user).Codes();
            Assert.Equal(result.Code, codes.SingleOrDefault()?.Code);
            Assert.Equal(result.SegmentIndex, ProvablyFair.Pick(Convert.ToUInt64(result.Roll, 16), result.Weights));
        }

        // A roll that landed on the coupon after the pool ran dry was mapped onto "nothing" alone.
        Assert.Equal(0, await pool.Stock());
        var odds = (await cluster.Client.GetGrain<IWheelGrain>(wheel).Odds()).Value!;
        Assert.Equal([0.0, 1.0], odds.Segments.Select(s => s.Probability));
    }

    [Theory]
    [InlineData(SpinStep.Started)]
    [InlineData(SpinStep.Debited)]
    [InlineData(SpinStep.Drawn)]
    [InlineData(SpinStep.Credited)]
    public async Task ACrashAtAnyStepFinishesExactlyOnceAfterReactivation(SpinStep step)
    {
        var wheel = await CreateWheel(Wheels.PrizeAndNothing(stock: 5, freeSpinsPerDay: 0));
        var user = await PlayerWithSpins(2);
        var spinId = "crash-" + step;
        cluster.Faults.FailOnce(step, spinId);

        var crash = await Assert.ThrowsAsync<InvalidOperationException>(async () => await Player(user).Spin(wheel, spinId));
        Assert.Contains("injected crash", crash.Message, StringComparison.Ordinal);
        await Player(user).Cast<IGrainManagementExtension>().DeactivateOnIdle(Ct);

        var finished = await Player(user).Spin(wheel, spinId);
        Assert.True(finished.Ok, $"{step}: {finished.Detail}");
        var again = await Player(user).Spin(wheel, spinId);
        Assert.Equal(finished.Value!.SegmentId, again.Value!.SegmentId);

        var balances = await Wallet(user).Balances();
        Assert.Equal(1, balances[Currencies.Spins]);
        var won = finished.Value.SegmentId == "prize";
        Assert.Equal(won ? 100 : 0, balances[Currencies.Points]);
        var odds = (await cluster.Client.GetGrain<IWheelGrain>(wheel).Odds()).Value!;
        Assert.Equal(won ? 4 : 5, odds.Segments[0].Remaining);
        Assert.Equal(won ? 2 : 1, (await Wallet(user).Ledger(0, 10)).Total - 1);
        Assert.Equal(1, (await Player(user).Fairness()).NextNonce);
    }

    [Fact]
    public async Task AStartedSpinWhoseWheelRanDryIsRefundedOnRecovery()
    {
        var wheelId = await CreateWheel(Wheels.PrizeAndNothing(stock: 5, freeSpinsPerDay: 0));
        var user = await PlayerWithSpins(1);
        cluster.Faults.FailOnce(SpinStep.Started, "dry");
        await Assert.ThrowsAsync<InvalidOperationException>(async () => await Player(user).Spin(wheelId, "dry"));

        // While the spin was interrupted, the admin left nothing to win.
        var empty = Wheels.PrizeAndNothing(stock: 0, freeSpinsPerDay: 0) with
        {
            Segments = [Wheels.Segment("prize", 1, PrizeKind.Points, 100, stock: 0), Wheels.Segment("nothing", 1, stock: 0)],
        };
        Assert.True((await cluster.Client.GetGrain<IWheelGrain>(wheelId).Update(empty)).Ok);
        await Player(user).Cast<IGrainManagementExtension>().DeactivateOnIdle(Ct);

        var result = await Player(user).Spin(wheelId, "dry");

        Assert.True(result.Ok, result.Detail);
        Assert.Equal(SpinStatuses.Refunded, result.Value!.Status);
        Assert.Equal(1, (await Wallet(user).Balances())[Currencies.Spins]);
        var ledger = (await Wallet(user).Ledger(0, 10)).Entries;
        Assert.Equal(3, ledger.Count);
        Assert.Equal(ledger[1].Id, ledger[0].ReversalOf);
        Assert.Equal(WheelErrors.WheelEmpty, (await Player(user).Spin(wheelId, "after")).Error);
    }

    [Fact]
    public async Task AWheelTakesSpinsOnlyInsideItsWindow()
    {
        var now = cluster.Clock.GetUtcNow();
        var wheelId = await CreateWheel(Wheels.PrizeAndNothing(null) with { ActiveFrom = now.AddMinutes(1), ActiveUntil = now.AddMinutes(2) });
        var user = Guid.NewGuid();

        Assert.Equal(WheelErrors.WheelClosed, (await Player(user).Spin(wheelId, "early")).Error);
        cluster.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.True((await Player(user).Spin(wheelId, "inside")).Ok);
        cluster.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(WheelErrors.WheelClosed, (await Player(user).Spin(wheelId, "late")).Error);
        Assert.False((await cluster.Client.GetGrain<IWheelGrain>(wheelId).Odds()).Value!.Open);
    }
}
