using Referral.Grains.Abstractions;
using Referral.Grains.Abstractions.Wallet;
using Referral.Grains.Abstractions.Wheel;

namespace Referral.Grains.Wheel;

/// <summary>
/// The spin outbox: debit, draw, credit, each after the previous stage is stored. Every step is
/// safe to repeat (the wallet dedupes by the spin's keys, the wheel by user and spin id), so an
/// activation that finds a spin unfinished simply runs the remaining steps again.
/// </summary>
public sealed partial class WheelPlayerGrain
{
    private const string SpinReason = "wheel spin";
    private const string PrizeReason = "wheel prize";

    private IRewardWalletGrain Wallet => GrainFactory.GetGrain<IRewardWalletGrain>(UserId);

    private async Task<WheelOutcome<SpinResult>> Finish(PlayerSpin spin)
    {
        if (spin.Stage == SpinStage.Started)
        {
            WalletEntry? debit = null;
            if (!spin.Free)
            {
                var paid = await Wallet.Debit(new WalletEntryRequest(Currencies.Spins, spin.Cost, SpinReason, spin.WheelId, spin.CostKey));
                if (paid.Error == WalletErrors.InsufficientFunds)
                {
                    await Abandon(spin);
                    return WheelOutcome.Fail<SpinResult>(WheelErrors.InsufficientSpins, $"A spin costs {spin.Cost} spin token(s) and no free spin is left today.");
                }

                if (!paid.Ok)
                {
                    return Pending(paid.Detail);
                }

                debit = paid.Entry;
                _faults?.At(SpinStep.Debited, UserId, spin.SpinId);
            }

            var drawn = await GrainFactory.GetGrain<IWheelGrain>(spin.WheelId).Draw(new DrawRequest(UserId, spin.SpinId, spin.Roll, spin.PrizeKey));
            if (drawn.Error is WheelErrors.WheelEmpty or WheelErrors.WheelNotFound)
            {
                // Stock ran out between the check and the draw: the token goes back.
                if (debit is not null)
                {
                    var back = await Wallet.Reverse(debit.Id, spin.RefundKey, "wheel empty: spin refunded");
                    if (!back.Ok)
                    {
                        return Pending(back.Detail);
                    }
                }

                spin.Stage = SpinStage.Refunded;
                await Save();
                return WheelOutcome.Success(ResultOf(spin));
            }

            if (!drawn.Ok)
            {
                return Pending(drawn.Detail);
            }

            spin.Draw = drawn.Value;
            spin.Stage = SpinStage.Drawn;
            await Save();
            _faults?.At(SpinStep.Drawn, UserId, spin.SpinId);
        }

        if (spin.Stage == SpinStage.Drawn)
        {
            var prize = spin.Draw!.Segment.Prize;
            WalletOutcome? credited = prize.Kind switch
            {
                PrizeKind.Points => await Wallet.Grant(new WalletEntryRequest(Currencies.Points, prize.Amount, PrizeReason, spin.WheelId, spin.PrizeKey)),
                PrizeKind.Spins => await Wallet.Grant(new WalletEntryRequest(Currencies.Spins, prize.Amount, PrizeReason, spin.WheelId, spin.PrizeKey)),
                PrizeKind.Code => await Wallet.GrantCode(new CodeGrantRequest(prize.PoolId!, PrizeReason, spin.WheelId, spin.PrizeKey)),
                _ => null,
            };
            if (credited is { Ok: false })
            {
                return Pending(credited.Detail);
            }

            spin.Code = credited?.Entry?.Code;
            _faults?.At(SpinStep.Credited, UserId, spin.SpinId);

            // Before Completed is stored, so the event is delivered at least once per spin.
            await this.GetStreamProvider(StorageNames.StreamProvider)
                .GetStream<WheelSpun>(StreamId.Create(StreamNamespaces.Analytics, "wheel"))
                .OnNextAsync(new WheelSpun(UserId, spin.WheelId, spin.SpinId, time.GetUtcNow()));
            spin.Stage = SpinStage.Completed;
            PruneSpins();
            await Save();
        }

        return WheelOutcome.Success(ResultOf(spin));
    }

    /// <summary>An unpaid spin is forgotten: its counters and (when nothing came after it) its nonce are given back.</summary>
    private async Task Abandon(PlayerSpin spin)
    {
        S.Spins.Remove(spin);
        if (S.Daily.TryGetValue(spin.WheelId, out var use) && use.Day == spin.Day)
        {
            use.Spins = Math.Max(0, use.Spins - 1);
            if (spin.Free)
            {
                use.FreeSpins = Math.Max(0, use.FreeSpins - 1);
            }
        }

        if (S.Seeds[^1].Hash == spin.SeedHash && S.NextNonce == spin.Nonce + 1)
        {
            S.NextNonce--;
        }

        await Save();
    }

    private void PruneSpins()
    {
        var finished = S.Spins.Count(s => s.Finished);
        for (var i = 0; finished > WheelLimits.KeptSpins && i < S.Spins.Count;)
        {
            if (S.Spins[i].Finished)
            {
                S.Spins.RemoveAt(i);
                finished--;
            }
            else
            {
                i++;
            }
        }
    }

    private SpinResult ResultOf(PlayerSpin spin)
    {
        var seed = S.Seeds.Find(s => s.Hash == spin.SeedHash);
        var draw = spin.Draw;
        return new SpinResult(
            spin.SpinId,
            spin.WheelId,
            spin.Stage == SpinStage.Refunded ? SpinStatuses.Refunded : SpinStatuses.Completed,
            draw?.SegmentIndex ?? -1,
            draw?.Segment.Id,
            draw?.Segment.Label,
            draw?.Segment.Prize,
            spin.Code,
            spin.Free,
            spin.Cost,
            spin.SeedHash,
            seed?.RevealedAt is null ? null : seed.Seed,
            spin.ClientSeed,
            spin.Nonce,
            ProvablyFair.RollHex(spin.Roll),
            ProvablyFair.ToUnit(spin.Roll),
            draw?.Weights ?? [],
            spin.At);
    }

    private static WheelOutcome<SpinResult> Pending(string? detail) =>
        WheelOutcome.Fail<SpinResult>(WheelErrors.SpinPending, "The spin is paid for but not finished (" + (detail ?? "a grain refused") + "); repeat the same spin id.");
}
