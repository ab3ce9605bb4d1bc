using Microsoft.Extensions.DependencyInjection;
using Referral.Grains.Abstractions;
using Referral.Grains.Abstractions.Wheel;
using Referral.Grains.Catalog;

namespace Referral.Grains.Wheel;

/// <summary>
/// One player's wheel state: seeds, nonce, daily counters and spins. Not reentrant, so a player's
/// spins run one after another against the same counters and balance. A failed state write
/// deactivates the grain, so the next call reloads what storage really holds.
/// </summary>
public sealed partial class WheelPlayerGrain(
    [PersistentState("wheelplayer", StorageNames.Default)] IPersistentState<WheelPlayerState> state,
    TimeProvider time,
    IServiceProvider services) : Grain, IWheelPlayerGrain
{
    // Only tests register a fault plan; in the product this is always null.
    private readonly IWheelSpinFaults? _faults = services.GetService<IWheelSpinFaults>();

    private WheelPlayerState S => state.State;

    private Guid UserId => this.GetPrimaryKey();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // Spins a crash interrupted finish as soon as the player's grain is back, not only when
        // the client repeats the spin id.
        if (S.Spins.Exists(s => !s.Finished))
        {
            this.RegisterGrainTimer(
                async _ => await Recover(),
                new GrainTimerCreationOptions(TimeSpan.Zero, Timeout.InfiniteTimeSpan) { KeepAlive = true });
        }

        return base.OnActivateAsync(cancellationToken);
    }

    public async ValueTask<WheelOutcome<SpinResult>> Spin(string wheelId, string spinId)
    {
        if (!Slugs.IsValid(wheelId))
        {
            return WheelOutcome.Fail<SpinResult>(WheelErrors.WheelNotFound, "No such wheel.");
        }

        if (!WheelRules.IsValidSpinId(spinId))
        {
            return WheelOutcome.Invalid<SpinResult>("spinId", $"A spin id of 1 to {WheelLimits.MaxSpinIdLength} letters, digits, '-' or '_'.");
        }

        // A first spin stores the new seed with its Started state: its hash was never shown before.
        await EnsureSeeded(persist: false);
        if (S.Spins.FindLast(s => s.SpinId == spinId) is { } existing)
        {
            return existing.WheelId == wheelId
                ? await Finish(existing)
                : WheelOutcome.Fail<SpinResult>(WheelErrors.IdempotencyConflict, "This spin id was used for another wheel.");
        }

        var odds = await GrainFactory.GetGrain<IWheelGrain>(wheelId).Odds();
        if (!odds.Ok)
        {
            return WheelOutcome.Fail<SpinResult>(odds.Error!, odds.Detail ?? odds.Error!);
        }

        var wheel = odds.Value!;
        if (!wheel.Open)
        {
            return WheelOutcome.Fail<SpinResult>(WheelErrors.WheelClosed, "This wheel is not taking spins now.");
        }

        if (wheel.TotalWeight == 0)
        {
            return WheelOutcome.Fail<SpinResult>(WheelErrors.WheelEmpty, "Every segment of this wheel is out of stock.");
        }

        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var use = Today(wheelId, today);
        if (use.Spins >= wheel.DailyCap)
        {
            return WheelOutcome.Fail<SpinResult>(WheelErrors.DailyLimitReached, $"At most {wheel.DailyCap} spins of this wheel per UTC day.");
        }

        var free = use.FreeSpins < wheel.FreeSpinsPerDay;
        var seed = S.Seeds[^1];
        var spin = new PlayerSpin
        {
            SpinId = spinId,
            WheelId = wheelId,
            Stage = SpinStage.Started,
            Free = free,
            Cost = free ? 0 : wheel.CostPerSpin,
            SeedHash = seed.Hash,
            ClientSeed = S.ClientSeed,
            Nonce = S.NextNonce,
            Roll = ProvablyFair.Roll(seed.Seed, S.ClientSeed, S.NextNonce),
            At = now,
            Day = today,
        };
        use.Spins++;
        if (free)
        {
            use.FreeSpins++;
        }

        S.NextNonce++;
        S.Spins.Add(spin);
        await Save();
        _faults?.At(SpinStep.Started, UserId, spinId);
        return await Finish(spin);
    }

    public async ValueTask<FairnessView> Fairness()
    {
        await EnsureSeeded();
        return FairnessOf();
    }

    public async ValueTask<WheelOutcome<FairnessView>> SetClientSeed(string clientSeed)
    {
        if (!WheelRules.IsValidClientSeed(clientSeed))
        {
            return WheelOutcome.Invalid<FairnessView>("clientSeed", $"1 to {WheelLimits.MaxClientSeedLength} letters, digits, '-' or '_'.");
        }

        await EnsureSeeded();
        if (S.ClientSeed != clientSeed)
        {
            S.ClientSeed = clientSeed;
            await Save();
        }

        return WheelOutcome.Success(FairnessOf());
    }

    public async ValueTask<SeedRotation> RotateSeed()
    {
        await EnsureSeeded();
        var old = S.Seeds[^1];
        var used = S.NextNonce;
        old.RevealedAt = time.GetUtcNow();
        S.Seeds.Add(NewSeed());
        S.NextNonce = 0;
        if (S.Seeds.Count > WheelLimits.KeptSeeds)
        {
            S.Seeds.RemoveRange(0, S.Seeds.Count - WheelLimits.KeptSeeds);
        }

        await Save();
        return new SeedRotation(old.Seed, old.Hash, used, FairnessOf());
    }

    public ValueTask<SpinHistoryPage> History(int skip, int take)
    {
        var finished = S.Spins.Where(s => s.Finished).ToList();
        var page = finished.AsEnumerable().Reverse().Skip(Math.Max(0, skip)).Take(Math.Clamp(take, 0, 100)).Select(ResultOf).ToList();
        return ValueTask.FromResult(new SpinHistoryPage(page, finished.Count));
    }

    public ValueTask<DailyAllowance> Allowance(string wheelId)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        return ValueTask.FromResult(S.Daily.TryGetValue(wheelId ?? "", out var use) && use.Day == today
            ? new DailyAllowance(today, use.Spins, use.FreeSpins)
            : new DailyAllowance(today, 0, 0));
    }

    public async ValueTask<int> Recover()
    {
        var finished = 0;
        foreach (var spin in S.Spins.Where(s => !s.Finished).ToList())
        {
            var outcome = await Finish(spin);
            if (outcome.Ok)
            {
                finished++;
            }
        }

        return finished;
    }

    private DailyUse Today(string wheelId, DateOnly today)
    {
        if (!S.Daily.TryGetValue(wheelId, out var use) || use.Day != today)
        {
            use = new DailyUse { Day = today };
            S.Daily[wheelId] = use;
        }

        return use;
    }

    private async Task EnsureSeeded(bool persist = true)
    {
        // The hash is published before any spin uses the seed, so the seed must be stored first:
        // a seed regenerated after a restart would break the commitment.
        if (S.Seeds.Count == 0)
        {
            S.Seeds.Add(NewSeed());
            S.ClientSeed = ProvablyFair.NewClientSeed();
            S.NextNonce = 0;
            if (persist)
            {
                await Save();
            }
        }
    }

    private ServerSeedRecord NewSeed()
    {
        var seed = ProvablyFair.NewServerSeed();
        return new ServerSeedRecord { Seed = seed, Hash = ProvablyFair.Hash(seed), CreatedAt = time.GetUtcNow() };
    }

    private FairnessView FairnessOf() => new(S.Seeds[^1].Hash, S.ClientSeed, S.NextNonce);

    private async Task Save()
    {
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            // Memory is now ahead of storage: start over from what storage holds.
            this.DeactivateOnIdle();
            throw;
        }
    }
}
