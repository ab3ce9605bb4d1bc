using Microsoft.Extensions.Logging;
using Orleans.Streams;
using Referral.Grains.Abstractions;
using Referral.Grains.Abstractions.Wheel;

namespace Referral.Grains.Wheel;

/// <summary>
/// One wheel: definition, stock and the draw. Not reentrant, so draws are judged one at a time
/// against the same stock: a prize with stock N is won exactly N times however many spins race.
/// Draws that take nothing write nothing, so a busy wheel with unlimited segments is read-only.
/// </summary>
public sealed partial class WheelGrain(
    [PersistentState("wheel", StorageNames.Default)] IPersistentState<WheelState> state,
    TimeProvider time,
    ILogger<WheelGrain> logger) : Grain, IWheelGrain
{
    private IAsyncStream<WheelEvent>? _stream;

    private WheelState S => state.State;

    private string WheelId => this.GetPrimaryKeyString();

    private bool Exists => S.Created && !S.Deleted;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _stream = this.GetStreamProvider(StorageNames.StreamProvider).GetStream<WheelEvent>(StreamId.Create(StreamNamespaces.Wheel, WheelId));
        return base.OnActivateAsync(cancellationToken);
    }

    public async ValueTask<WheelOutcome<WheelView>> Create(WheelDefinition definition)
    {
        if (S.Created)
        {
            return WheelOutcome.Fail<WheelView>(WheelErrors.WheelExists, "A wheel with this id exists (ids of removed wheels are not reused).");
        }

        if (Invalid(definition) is { } invalid)
        {
            return invalid;
        }

        var now = time.GetUtcNow();
        S.Created = true;
        S.Definition = Normalise(definition);
        S.CreatedAt = now;
        S.UpdatedAt = now;
        await Commit([], () => (S.Created, S.Definition) = (false, null));
        return WheelOutcome.Success(ViewOf());
    }

    public async ValueTask<WheelOutcome<WheelView>> Update(WheelDefinition definition)
    {
        if (!Exists)
        {
            return NotFound<WheelView>();
        }

        if (Invalid(definition) is { } invalid)
        {
            return invalid;
        }

        var before = Odds();
        var (oldDefinition, oldUpdated, oldDepleted) = (S.Definition, S.UpdatedAt, S.Depleted.ToList());
        S.Definition = Normalise(definition);
        S.UpdatedAt = time.GetUtcNow();
        S.Depleted.Clear();
        var after = Odds();
        var changed = after.Segments.Where(a => before.Segments.FirstOrDefault(b => b.SegmentId == a.SegmentId) is not { } b
            || b.Remaining != a.Remaining || b.EffectiveWeight != a.EffectiveWeight).ToList();
        var events = changed.Select(c => (Func<long, WheelEvent>)(seq => new WheelStockChanged(WheelId, seq, c.SegmentId, c.Remaining, Odds() with { Sequence = seq }))).ToList();
        await Commit(events, () =>
        {
            (S.Definition, S.UpdatedAt) = (oldDefinition, oldUpdated);
            S.Depleted.UnionWith(oldDepleted);
        });
        return WheelOutcome.Success(ViewOf());
    }

    public async ValueTask<WheelOutcome<bool>> Delete()
    {
        if (!Exists)
        {
            return NotFound<bool>();
        }

        S.Deleted = true;
        await Commit([], () => S.Deleted = false);
        return WheelOutcome.Success(true);
    }

    public ValueTask<WheelOutcome<WheelView>> View() =>
        ValueTask.FromResult(Exists ? WheelOutcome.Success(ViewOf()) : NotFound<WheelView>());

    ValueTask<WheelOutcome<WheelOdds>> IWheelGrain.Odds() =>
        ValueTask.FromResult(Exists ? WheelOutcome.Success(Odds()) : NotFound<WheelOdds>());

    private WheelOdds Odds()
    {
        var d = S.Definition!;
        var weights = CurrentWeights();
        var now = time.GetUtcNow();
        var open = d.Active && (d.ActiveFrom is null || now >= d.ActiveFrom) && (d.ActiveUntil is null || now < d.ActiveUntil);
        return new WheelOdds(
            WheelId, d.Name, S.Sequence, open, d.CostPerSpin, d.FreeSpinsPerDay, d.DailyCap, d.ActiveFrom, d.ActiveUntil,
            weights.Sum(), WheelMath.Odds(d.Segments, weights, Won));
    }

    private long[] CurrentWeights() => WheelMath.EffectiveWeights(S.Definition!.Segments, Won, S.Depleted.Contains);

    private int Won(string segmentId) => S.Won.GetValueOrDefault(segmentId);

    private WheelView ViewOf() => new(WheelId, S.Definition!, Odds(), S.CreatedAt, S.UpdatedAt);

    /// <summary>
    /// Writes state with the events' sequence numbers taken, then publishes them. A failed write
    /// runs <paramref name="undo"/> and rethrows, so memory never runs ahead of storage; a failed
    /// publish is only a missed notification (state is the truth, watchers resync from Odds).
    /// </summary>
    private async Task Commit(List<Func<long, WheelEvent>> events, Action undo)
    {
        var first = S.Sequence;
        S.Sequence += events.Count;
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            S.Sequence = first;
            undo();
            throw;
        }

        try
        {
            for (var i = 0; i < events.Count; i++)
            {
                await _stream!.OnNextAsync(events[i](first + i + 1));
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogPublishFailed(logger, ex, WheelId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing events of wheel {WheelId} failed; watchers resync from the odds.")]
    private static partial void LogPublishFailed(ILogger logger, Exception exception, string wheelId);

    private static WheelOutcome<WheelView>? Invalid(WheelDefinition definition)
    {
        var errors = WheelRules.Validate(definition);
        return errors.Count == 0 ? null : WheelOutcome.Invalid<WheelView>(errors);
    }

    private static WheelDefinition Normalise(WheelDefinition d) =>
        d with
        {
            Name = d.Name.Trim(),
            Segments = d.Segments.Select(s => s with
            {
                Label = s.Label.Trim(),
                Colour = s.Colour.ToLowerInvariant(),
                Prize = s.Prize.Kind == PrizeKind.Code ? s.Prize with { Amount = 1 } : s.Prize,
            }).ToList(),
        };

    private static WheelOutcome<T> NotFound<T>() => WheelOutcome.Fail<T>(WheelErrors.WheelNotFound, "No such wheel.");
}
