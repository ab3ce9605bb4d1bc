using Orleans.Core.Internal;
using Referral.Grains.Abstractions.Wallet;
using Referral.Grains.Tests.Quiz;
using Xunit;

namespace Referral.Grains.Tests.Wallet;

/// <summary>The wallet's ledger rules, on the shared fake-clock cluster.</summary>
[Collection(RoomCluster.Name)]
public sealed class RewardWalletGrainTests(RoomClusterFixture cluster)
{
    private IRewardWalletGrain NewWallet() => cluster.Client.GetGrain<IRewardWalletGrain>(Guid.NewGuid());

    private static WalletEntryRequest Points(long amount, string key, string reason = "test") =>
        new(Currencies.Points, amount, reason, "source-1", key);

    [Fact]
    public async Task ANewWalletHasZeroBalancesAndAnEmptyLedger()
    {
        var wallet = NewWallet();
        var balances = await wallet.Balances();
        Assert.Equal(0, balances[Currencies.Points]);
        Assert.Equal(0, balances[Currencies.Spins]);
        var ledger = await wallet.Ledger(0, 20);
        Assert.Empty(ledger.Entries);
        Assert.Equal(0, ledger.Total);
    }

    [Fact]
    public async Task AGrantRepeatedWithTheSameKeyReturnsTheFirstResultAndChangesNothing()
    {
        var wallet = NewWallet();
        var first = await wallet.Grant(Points(100, "k1"));
        Assert.True(first.Ok, first.Detail);
        Assert.Equal(cluster.Clock.GetUtcNow(), first.Entry!.At);

        var again = await wallet.Grant(Points(100, "k1"));
        Assert.True(again.Ok, again.Detail);
        Assert.Equal(first.Entry, again.Entry);
        Assert.Equal(100, (await wallet.Balances())[Currencies.Points]);
        Assert.Equal(1, (await wallet.Ledger(0, 20)).Total);
    }

    [Fact]
    public async Task TheSameKeyForADifferentRequestIsAConflict()
    {
        var wallet = NewWallet();
        Assert.True((await wallet.Grant(Points(100, "k1"))).Ok);

        Assert.Equal(WalletErrors.IdempotencyConflict, (await wallet.Grant(Points(101, "k1"))).Error);
        Assert.Equal(WalletErrors.IdempotencyConflict, (await wallet.Debit(Points(100, "k1"))).Error);
        Assert.Equal(WalletErrors.IdempotencyConflict, (await wallet.Grant(Points(100, "k1", "other reason"))).Error);
        Assert.Equal(100, (await wallet.Balances())[Currencies.Points]);
        Assert.Equal(1, (await wallet.Ledger(0, 20)).Total);
    }

    [Fact]
    public async Task InvalidRequestsAreRefusedWithStableCodes()
    {
        var wallet = NewWallet();
        Assert.Equal(WalletErrors.InvalidAmount, (await wallet.Grant(Points(0, "a"))).Error);
        Assert.Equal(WalletErrors.InvalidAmount, (await wallet.Grant(Points(-5, "b"))).Error);
        Assert.Equal(WalletErrors.InvalidAmount, (await wallet.Grant(Points(1_000_000_001, "c"))).Error);
        Assert.True((await wallet.Grant(Points(1_000_000_000, "d"))).Ok);
        Assert.Equal(WalletErrors.UnknownCurrency, (await wallet.Grant(new WalletEntryRequest("gold", 1, "test", null, "e"))).Error);
        Assert.Equal(WalletErrors.InvalidRequest, (await wallet.Grant(Points(1, " "))).Error);
        Assert.Equal(WalletErrors.InvalidRequest, (await wallet.Grant(Points(1, "f", ""))).Error);
        Assert.Equal(1, (await wallet.Ledger(0, 20)).Total);
    }

    [Fact]
    public async Task ADebitNeverTakesABalanceBelowZero()
    {
        var wallet = NewWallet();
        Assert.Equal(WalletErrors.InsufficientFunds, (await wallet.Debit(Points(1, "d0"))).Error);
        Assert.True((await wallet.Grant(Points(30, "g1"))).Ok);
        Assert.Equal(WalletErrors.InsufficientFunds, (await wallet.Debit(Points(31, "d1"))).Error);
        var debit = await wallet.Debit(Points(30, "d2"));
        Assert.True(debit.Ok, debit.Detail);
        Assert.Equal(-30, debit.Entry!.Amount);
        Assert.Equal(0, (await wallet.Balances())[Currencies.Points]);
    }

    [Fact]
    public async Task FiftyConcurrentDebitsOfTenAgainstOneHundredLeaveExactlyTenSuccesses()
    {
        var wallet = NewWallet();
        Assert.True((await wallet.Grant(Points(100, "seed"))).Ok);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 50)
            .Select(i => wallet.Debit(Points(10, $"debit-{i}")).AsTask()));

        Assert.Equal(10, outcomes.Count(o => o.Ok));
        Assert.Equal(40, outcomes.Count(o => o.Error == WalletErrors.InsufficientFunds));
        Assert.Equal(0, (await wallet.Balances())[Currencies.Points]);
        Assert.Equal(11, (await wallet.Ledger(0, 100)).Total);
    }

    [Fact]
    public async Task AReversalCancelsAnEntryOnceAndIsIdempotent()
    {
        var wallet = NewWallet();
        var grant = (await wallet.Grant(Points(50, "g"))).Entry!;

        var reversal = await wallet.Reverse(grant.Id, "r1", "fraud");
        Assert.True(reversal.Ok, reversal.Detail);
        Assert.Equal(-50, reversal.Entry!.Amount);
        Assert.Equal(grant.Id, reversal.Entry.ReversalOf);
        Assert.Equal(0, (await wallet.Balances())[Currencies.Points]);

        Assert.Equal(reversal.Entry, (await wallet.Reverse(grant.Id, "r1", "fraud")).Entry);
        Assert.Equal(WalletErrors.AlreadyReversed, (await wallet.Reverse(grant.Id, "r2", "fraud")).Error);
        Assert.Equal(WalletErrors.IdempotencyConflict, (await wallet.Reverse(grant.Id, "g", "fraud")).Error);
        Assert.Equal(WalletErrors.EntryNotFound, (await wallet.Reverse("missing", "r3", "fraud")).Error);
        Assert.Equal(WalletErrors.InvalidRequest, (await wallet.Reverse(reversal.Entry.Id, "r4", "undo")).Error);
        Assert.Equal(2, (await wallet.Ledger(0, 20)).Total);
    }

    [Fact]
    public async Task AReversalThatWouldMakeABalanceNegativeFails()
    {
        var wallet = NewWallet();
        var grant = (await wallet.Grant(Points(50, "g"))).Entry!;
        Assert.True((await wallet.Debit(Points(40, "d"))).Ok);

        Assert.Equal(WalletErrors.InsufficientFunds, (await wallet.Reverse(grant.Id, "r", "fraud")).Error);
        Assert.Equal(10, (await wallet.Balances())[Currencies.Points]);

        // Reversing a debit gives the amount back.
        var debit = (await wallet.Ledger(0, 1)).Entries.Single();
        Assert.True((await wallet.Reverse(debit.Id, "r-debit", "refund")).Ok);
        Assert.Equal(50, (await wallet.Balances())[Currencies.Points]);
    }

    [Fact]
    public async Task BalancesEqualTheSumOfTheLedgerAndTheLedgerPagesNewestFirst()
    {
        var wallet = NewWallet();
        var grants = new List<WalletEntry>();
        for (var i = 0; i < 12; i++)
        {
            cluster.Clock.Advance(TimeSpan.FromSeconds(1));
            var currency = i % 3 == 0 ? Currencies.Spins : Currencies.Points;
            var outcome = await wallet.Grant(new WalletEntryRequest(currency, 7 + i, "test", null, $"g{i}"));
            grants.Add(outcome.Entry!);
        }

        Assert.True((await wallet.Debit(Points(20, "d"))).Ok);
        Assert.True((await wallet.Reverse(grants[1].Id, "r", "fix")).Ok);

        var all = (await wallet.Ledger(0, 100)).Entries;
        var balances = await wallet.Balances();
        foreach (var currency in Currencies.All)
        {
            Assert.Equal(all.Where(e => e.Currency == currency).Sum(e => e.Amount), balances[currency]);
        }

        var page = await wallet.Ledger(2, 5);
        Assert.Equal(14, page.Total);
        Assert.Equal(all.Skip(2).Take(5), page.Entries);
        Assert.Equal(grants[^1].Id, all[2].Id);
        Assert.True(all.Zip(all.Skip(1)).All(p => p.First.At >= p.Second.At), "ledger is not newest first");
    }

    [Fact]
    public async Task TheLedgerAndItsKeysSurviveDeactivation()
    {
        var id = Guid.NewGuid();
        var wallet = cluster.Client.GetGrain<IRewardWalletGrain>(id);
        var grant = (await wallet.Grant(Points(100, "g"))).Entry!;
        var debit = (await wallet.Debit(Points(30, "d"))).Entry!;

        await wallet.Cast<IGrainManagementExtension>().DeactivateOnIdle(TestContext.Current.CancellationToken);

        wallet = cluster.Client.GetGrain<IRewardWalletGrain>(id);
        Assert.Equal(grant, (await wallet.Grant(Points(100, "g"))).Entry);
        Assert.Equal(WalletErrors.IdempotencyConflict, (await wallet.Grant(Points(5, "d"))).Error);
        Assert.Equal(70, (await wallet.Balances())[Currencies.Points]);
        Assert.Equal(2, (await wallet.Ledger(0, 20)).Total);
        Assert.True((await wallet.Reverse(debit.Id, "r", "fraud")).Ok);
        Assert.Equal(WalletErrors.AlreadyReversed, (await wallet.Reverse(debit.Id, "r2", "fraud")).Error);
        Assert.Equal(100, (await wallet.Balances())[Currencies.Points]);
    }
}
