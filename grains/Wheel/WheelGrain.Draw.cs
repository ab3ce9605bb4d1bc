using Referral.Grains.Abstractions.Wallet;
using Referral.Grains.Abstractions.Wheel;

namespace Referral.Grains.Wheel;

/// <summary>The draw: stock, code reservations and the recorded draws that make retries exact.</summary>
public sealed partial class WheelGrain
{
    public async ValueTask<WheelOutcome<DrawResult>> Draw(DrawRequest request)
    {
        // A removed wheel still finishes spins that were paid for before it went.
        if (!S.Created)
        {
            return NotFound<DrawResult>();
        }

        var key = $"{request.UserId:N}:{request.SpinId}";
        if (S.Draws.TryGetValue(key, out var recorded))
        {
            return WheelOutcome.Success(recorded.Result);
        }

        var segments = S.Definition!.Segments;
        var weights = CurrentWeights();
        var events = new List<Func<long, WheelEvent>>();
        var depletedNow = new List<string>();
        int index;
        while (true)
        {
            index = ProvablyFair.Pick(request.Roll, weights);
            if (index < 0)
            {
                break;
            }

            var prize = segments[index].Prize;
            if (prize.Kind != PrizeKind.Code)
            {
                break;
            }

            // Reserve the code now, under the key the wallet will issue it with: if the pool is
            // dry, the segment is out of stock at this moment and the same roll is mapped onto
            // the renormalised weights (the ones recorded and shown with the spin).
            var issued = await GrainFactory.GetGrain<ICodePoolGrain>(prize.PoolId!)
                .Issue(CodePoolKeys.ForWallet(request.UserId, request.PrizeKey), request.UserId, $"wheel {WheelId}");
            if (issued.Ok)
            {
                break;
            }

            if (issued.Error is not (CodePoolErrors.OutOfStock or CodePoolErrors.PoolNotFound))
            {
                return WheelOutcome.Fail<DrawResult>(WheelErrors.SpinPending, issued.Detail ?? "The code pool refused.");
            }

            depletedNow.Add(segments[index].Id);
            weights[index] = 0;
        }

        foreach (var id in depletedNow)
        {
            S.Depleted.Add(id);
            events.Add(seq => new WheelStockChanged(WheelId, seq, id, 0, Odds() with { Sequence = seq }));
        }

        void UndoDepleted() => S.Depleted.ExceptWith(depletedNow);

        if (index < 0)
        {
            if (events.Count > 0)
            {
                await Commit(events, UndoDepleted);
            }

            return WheelOutcome.Fail<DrawResult>(WheelErrors.WheelEmpty, "Every segment of this wheel is out of stock.");
        }

        var segment = segments[index];
        var result = new DrawResult(index, segment, weights);
        var now = time.GetUtcNow();
        var takesStock = segment.Stock is not null;
        if (takesStock)
        {
            S.Won[segment.Id] = Won(segment.Id) + 1;
            var remaining = WheelMath.Remaining(segment, Won(segment.Id));
            events.Add(seq => new WheelStockChanged(WheelId, seq, segment.Id, remaining, Odds() with { Sequence = seq }));
        }

        if (segment.BigWin)
        {
            events.Add(seq => new WheelBigWin(WheelId, seq, segment.Id, segment.Label, segment.Prize, now));
        }

        if (takesStock || segment.BigWin || segment.Prize.Kind == PrizeKind.Code || depletedNow.Count > 0)
        {
            Prune(now);
            S.Draws[key] = new RecordedDraw(result, now);
            await Commit(events, () =>
            {
                // Storage refused: forget the draw so a retry draws afresh against true stock.
                S.Draws.Remove(key);
                UndoDepleted();
                if (takesStock)
                {
                    S.Won[segment.Id] = Won(segment.Id) - 1;
                }
            });
        }

        return WheelOutcome.Success(result);
    }

    public async ValueTask<int> PoolRestocked(string poolId)
    {
        if (!S.Created)
        {
            return 0;
        }

        var back = S.Definition!.Segments
            .Where(s => s.Prize.Kind == PrizeKind.Code && s.Prize.PoolId == poolId && S.Depleted.Contains(s.Id))
            .Select(s => s.Id)
            .ToList();
        if (back.Count == 0)
        {
            return 0;
        }

        S.Depleted.ExceptWith(back);
        var events = back.Select(id => (Func<long, WheelEvent>)(seq =>
            new WheelStockChanged(WheelId, seq, id, WheelMath.Remaining(S.Definition.Segments.First(s => s.Id == id), Won(id)), Odds() with { Sequence = seq }))).ToList();
        await Commit(events, () => S.Depleted.UnionWith(back));
        return back.Count;
    }

    private void Prune(DateTimeOffset now)
    {
        foreach (var (key, draw) in S.Draws.Where(d => now - d.Value.At > WheelLimits.DrawRetention).ToList())
        {
            S.Draws.Remove(key);
        }
    }
}
