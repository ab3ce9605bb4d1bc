using Referral.Grains.Abstractions.Wallet;
using Referral.Grains.Abstractions.Wheel;
using Referral.Grains.Tests.Persistence;
using Referral.Grains.Wheel;
using Referral.Testing;
using Xunit;

namespace Referral.Grains.Tests.Wheel;

/// <summary>
/// A silo dies mid-spin in PostgreSQL mode: what the spin stored before its wallet and wheel calls
/// lets a restarted silo finish it, with the token taken once, the prize paid once, stock taken once.
/// </summary>
[Collection(SharedPostgres.Name)]
public sealed class WheelOnPostgresTests(PostgresServer postgres)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(SpinStep.Started)]
    [InlineData(SpinStep.Debited)]
    [InlineData(SpinStep.Drawn)]
    [InlineData(SpinStep.Credited)]
    public async Task ARestartedSiloFinishesASpinInterruptedMidwayWithoutLosingTheTokenOrPayingTwice(SpinStep step)
    {
        var db = await postgres.CreateMigratedDatabaseAsync();
        var clusterId = "wheel-" + Guid.NewGuid().ToString("N")[..8];
        var user = Guid.NewGuid();
        const string wheelId = "crash-wheel";
        const string spinId = "the-spin";
        var faults = new SpinFaults();

        await using (var first = await WheelSilo.StartAsync(db, clusterId, faults, Ct))
        {
            var wheel = Wheels.PrizeAndNothing(stock: 3, freeSpinsPerDay: 0) with
            {
                Segments = [Wheels.Segment("prize", 1_000_000, PrizeKind.Points, 100, stock: 3), Wheels.Segment("nothing", 1)],
            };
            Assert.True((await first.Client.GetGrain<IWheelGrain>(wheelId).Create(wheel)).Ok);
            Assert.True((await first.Client.GetGrain<IRewardWalletGrain>(user).Grant(new WalletEntryRequest(Currencies.Spins, 2, "test", null, "seed"))).Ok);

            faults.FailOnce(step, spinId);
            var crash = await Assert.ThrowsAsync<InvalidOperationException>(async () => await first.Client.GetGrain<IWheelPlayerGrain>(user).Spin(wheelId, spinId));
            Assert.Contains("injected crash", crash.Message, StringComparison.Ordinal);
        }

        // A new silo on the same database, without the fault: every grain activates from its row.
        await using var second = await WheelSilo.StartAsync(db, clusterId, null, Ct);
        var player = second.Client.GetGrain<IWheelPlayerGrain>(user);
        var wallet = second.Client.GetGrain<IRewardWalletGrain>(user);

        // Activation alone finishes the spin (the outbox), before the client repeats its id.
        await player.Fairness();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while ((await player.History(0, 10)).Total == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, $"{step}: the reactivated player grain did not finish the spin within 15 s");
            await Task.Delay(50, Ct);
        }

        var result = await player.Spin(wheelId, spinId);
        Assert.True(result.Ok, result.Detail);
        Assert.Equal("prize", result.Value!.SegmentId);

        var balances = await wallet.Balances();
        Assert.Equal(1, balances[Currencies.Spins]);
        Assert.Equal(100, balances[Currencies.Points]);
        var ledger = (await wallet.Ledger(0, 10)).Entries;
        Assert.Equal(3, ledger.Count);
        Assert.Single(ledger, e => e.IdempotencyKey == $"wheel:{wheelId}:{spinId}:cost");
        Assert.Single(ledger, e => e.IdempotencyKey == $"wheel:{wheelId}:{spinId}:prize");
        var odds = (await second.Client.GetGrain<IWheelGrain>(wheelId).Odds()).Value!;
        Assert.Equal(2, odds.Segments[0].Remaining);
        Assert.Equal(1, (await player.Fairness()).NextNonce);
    }
}
