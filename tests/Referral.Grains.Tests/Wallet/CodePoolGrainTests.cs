using Orleans.Core.Internal;
using Referral.Grains.Abstractions.Wallet;
using Referral.Testing;
using Xunit;

namespace Referral.Grains.Tests.Wallet;

/// <summary>Code pools and codes in the wallet, on the shared two-silo cluster.</summary>
[Collection(SharedCluster.Name)]
public sealed class CodePoolGrainTests(OrleansClusterFixture cluster)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(string Id, ICodePoolGrain Pool)> NewPool(int codes)
    {
        var id = "pool-" + Guid.NewGuid().ToString("N")[..12];
        var pool = cluster.Client.GetGrain<ICodePoolGrain>(id);
        Assert.True((await pool.Create("Test pool", null)).Ok);
        if (codes > 0)
        {
            var added = await pool.AddCodes(Enumerable.Range(0, codes).Select(i => $"CODE-{id}-{i:D5}").ToList());
            Assert.True(added.Ok, added.Detail);
            Assert.Equal(codes, added.Value!.Added);
        }

        return (id, pool);
    }

    [Fact]
    public async Task AddingCodesSkipsDuplicatesAndInvalidOnesAndCountsThem()
    {
        var (_, pool) = await NewPool(0);

        var result = await pool.AddCodes(["AAAA-1", "aaaa-1", "BBBB-2", "x", "has space", "CCCC-3", "BBBB-2", " DDDD-4 "]);

        Assert.True(result.Ok, result.Detail);
        Assert.Equal(4, result.Value!.Added);
        Assert.Equal(2, result.Value.Duplicates);
        Assert.Equal(2, result.Value.InvalidCount);
        Assert.Equal(["x", "has space"], result.Value.Invalid);
        Assert.Equal(4, await pool.Stock());

        var again = await pool.AddCodes(["CCCC-3", "EEEE-5"]);
        Assert.Equal(1, again.Value!.Added);
        Assert.Equal(1, again.Value.Duplicates);
        Assert.Equal(5, (await pool.View()).Value!.Total);
    }

    [Fact]
    public async Task APoolThatDoesNotExistRefusesEverything()
    {
        var pool = cluster.Client.GetGrain<ICodePoolGrain>("missing-" + Guid.NewGuid().ToString("N")[..8]);
        Assert.Equal(CodePoolErrors.PoolNotFound, (await pool.AddCodes(["ABCD-1"])).Error);
        Assert.Equal(CodePoolErrors.PoolNotFound, (await pool.Issue("k", Guid.NewGuid(), "test")).Error);
        Assert.Equal(CodePoolErrors.PoolNotFound, (await pool.View()).Error);
        Assert.Equal(0, await pool.Stock());
        Assert.Equal(CodePoolErrors.ValidationFailed, (await cluster.Client.GetGrain<ICodePoolGrain>("Bad Id").Create("x", null)).Error);
    }

    [Fact]
    public async Task ARepeatedKeyReturnsTheSameCodeEvenAfterThePoolRunsOutAndAfterDeactivation()
    {
        var (_, pool) = await NewPool(1);
        var user = Guid.NewGuid();

        var first = await pool.Issue("k1", user, "test");
        Assert.True(first.Ok, first.Detail);
        Assert.Equal(CodePoolErrors.OutOfStock, (await pool.Issue("k2", user, "test")).Error);
        Assert.Equal(first.Value, (await pool.Issue("k1", user, "test")).Value);
        Assert.Equal(CodePoolErrors.IdempotencyConflict, (await pool.Issue("k1", Guid.NewGuid(), "test")).Error);

        await pool.Cast<IGrainManagementExtension>().DeactivateOnIdle(Ct);
        Assert.Equal(first.Value, (await pool.Issue("k1", user, "test")).Value);
        Assert.Equal(0, await pool.Stock());
    }

    [Fact]
    public async Task AThousandConcurrentIssuesOfFiveHundredCodesHandOutEachCodeExactlyOnce()
    {
        var (_, pool) = await NewPool(500);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 1000)
            .Select(i => pool.Issue($"issue-{i}", Guid.NewGuid(), "race").AsTask()));

        var codes = outcomes.Where(o => o.Ok).Select(o => o.Value!.Code).ToList();
        Assert.Equal(500, codes.Count);
        Assert.Equal(500, codes.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(500, outcomes.Count(o => o.Error == CodePoolErrors.OutOfStock));
        var view = (await pool.View()).Value!;
        Assert.Equal((500, 500, 0), (view.Total, view.Issued, view.Available));
    }

    [Fact]
    public async Task ConcurrentIssuesUnderOneKeyGetOneCodeAndTakeOneFromStock()
    {
        var (_, pool) = await NewPool(5);
        var user = Guid.NewGuid();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => pool.Issue(i % 2 == 0 ? "same" : $"other-{i}", user, "race").AsTask()));

        var same = outcomes.Where((_, i) => i % 2 == 0).ToList();
        Assert.All(same, o => Assert.True(o.Ok, o.Detail));
        Assert.Single(same.Select(o => o.Value!.Code).Distinct(StringComparer.Ordinal));
        Assert.Equal(4, outcomes.Where((_, i) => i % 2 == 1).Count(o => o.Ok));
        Assert.Equal(0, await pool.Stock());
    }

    [Fact]
    public async Task AThousandWalletsGrantingConcurrentlyFromAPoolOfTenGetExactlyTenCodes()
    {
        var (id, pool) = await NewPool(10);
        var users = Enumerable.Range(0, 1000).Select(_ => Guid.NewGuid()).ToList();

        var outcomes = await Task.WhenAll(users.Select(u => cluster.Client.GetGrain<IRewardWalletGrain>(u)
            .GrantCode(new CodeGrantRequest(id, "promo", null, "promo:1")).AsTask()));

        Assert.Equal(10, outcomes.Count(o => o.Ok));
        Assert.Equal(990, outcomes.Count(o => o.Error == WalletErrors.OutOfStock));
        Assert.Equal(10, outcomes.Where(o => o.Ok).Select(o => o.Entry!.Code).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(0, await pool.Stock());
        var winners = users.Where((_, i) => outcomes[i].Ok).ToList();
        var held = await Task.WhenAll(winners.Select(u => cluster.Client.GetGrain<IRewardWalletGrain>(u).Codes().AsTask()));
        Assert.All(held, h => Assert.Single(h));
    }

    [Fact]
    public async Task ACodeGrantIsIdempotentShowsInTheLedgerAndAReversalRevokesIt()
    {
        var (id, pool) = await NewPool(3);
        var wallet = cluster.Client.GetGrain<IRewardWalletGrain>(Guid.NewGuid());

        var grant = await wallet.GrantCode(new CodeGrantRequest(id, "wheel prize", "wheel-1", "prize:1"));
        Assert.True(grant.Ok, grant.Detail);
        var entry = grant.Entry!;
        Assert.Equal((Currencies.Code, 1L, id), (entry.Currency, entry.Amount, entry.PoolId));
        Assert.NotNull(entry.Code);

        Assert.Equal(entry, (await wallet.GrantCode(new CodeGrantRequest(id, "wheel prize", "wheel-1", "prize:1"))).Entry);
        Assert.Equal(WalletErrors.IdempotencyConflict, (await wallet.GrantCode(new CodeGrantRequest(id, "other", "wheel-1", "prize:1"))).Error);
        Assert.Equal(WalletErrors.IdempotencyConflict, (await wallet.Grant(new WalletEntryRequest(Currencies.Points, 1, "wheel prize", "wheel-1", "prize:1"))).Error);
        Assert.Equal(WalletErrors.UnknownCurrency, (await wallet.Grant(new WalletEntryRequest(Currencies.Code, 1, "sneaky", null, "sneaky"))).Error);
        Assert.Equal(WalletErrors.PoolNotFound, (await wallet.GrantCode(new CodeGrantRequest("no-such-pool", "x", null, "prize:2"))).Error);
        Assert.Equal(2, await pool.Stock());

        var codes = await wallet.Codes();
        Assert.Equal(entry.Code, Assert.Single(codes).Code);
        Assert.Equal(1, (await wallet.Ledger(0, 10)).Total);

        var reversal = await wallet.Reverse(entry.Id, "revoke:1", "fraud");
        Assert.True(reversal.Ok, reversal.Detail);
        Assert.Equal((-1L, entry.Code), (reversal.Entry!.Amount, reversal.Entry.Code));
        Assert.Empty(await wallet.Codes());
    }
}
