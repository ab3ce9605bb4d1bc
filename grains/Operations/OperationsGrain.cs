using Referral.Grains.Abstractions;
using Referral.Grains.Abstractions.Operations;
using Referral.Grains.Quiz;

namespace Referral.Grains.Operations;

/// <summary>
/// Sums what the api nodes report and keeps the open-room set. Node counts live in memory only
/// and expire after their report's time-to-live, so a node that died stops counting by itself.
/// State writes are coalesced to one per <see cref="WriteInterval"/>: a crash loses at most that
/// much of today's counts, which an operations view can live with. A room never ended (its host
/// vanished) stops counting when its PIN claim would lapse (<see cref="RoomPinGrain.ClaimLifetime"/>).
/// </summary>
public sealed class OperationsGrain(
    [PersistentState("operations", StorageNames.Default)] IPersistentState<OperationsState> state,
    TimeProvider time) : Grain, IOperationsGrain
{
    public static readonly TimeSpan WriteInterval = TimeSpan.FromSeconds(5);

    /// <summary>Day totals older than this are dropped.</summary>
    public const int DaysKept = 7;

    private readonly Dictionary<Guid, (int Connections, DateTimeOffset Until)> _nodes = new();
    private IGrainTimer? _write;

    private OperationsState S => state.State;

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_write is not null)
        {
            await state.WriteStateAsync(cancellationToken);
        }
    }

    public ValueTask Report(NodeReport report)
    {
        _nodes[report.NodeId] = (report.Connections, time.GetUtcNow() + report.Ttl);
        var changed = false;
        foreach (var count in report.Counts)
        {
            changed |= Add(S.Signups, count.Day, count.Signups);
            changed |= Add(S.Referrals, count.Day, count.Referrals);
        }

        if (changed)
        {
            Changed();
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask NodeStopped(Guid nodeId)
    {
        _nodes.Remove(nodeId);
        return ValueTask.CompletedTask;
    }

    public ValueTask RoomOpened(Guid roomId)
    {
        if (S.Rooms.TryAdd(roomId, time.GetUtcNow()))
        {
            Changed();
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask RoomClosed(Guid roomId)
    {
        if (S.Rooms.Remove(roomId))
        {
            Changed();
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask<OperationsView> View()
    {
        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        Prune(now, today);
        var online = 0;
        foreach (var node in _nodes.Values)
        {
            online += node.Connections;
        }

        return ValueTask.FromResult(new OperationsView(
            now, today, online, S.Rooms.Count, S.Signups.GetValueOrDefault(today), S.Referrals.GetValueOrDefault(today), _nodes.Count));
    }

    private static bool Add(Dictionary<DateOnly, long> totals, DateOnly day, long delta)
    {
        if (delta <= 0)
        {
            return false;
        }

        totals[day] = totals.GetValueOrDefault(day) + delta;
        return true;
    }

    private void Prune(DateTimeOffset now, DateOnly today)
    {
        foreach (var (id, node) in _nodes.ToList())
        {
            if (node.Until < now)
            {
                _nodes.Remove(id);
            }
        }

        var changed = false;
        foreach (var (id, openedAt) in S.Rooms.ToList())
        {
            if (now - openedAt >= RoomPinGrain.ClaimLifetime)
            {
                changed |= S.Rooms.Remove(id);
            }
        }

        var oldest = today.AddDays(-DaysKept);
        foreach (var day in S.Signups.Keys.Concat(S.Referrals.Keys).Where(d => d < oldest).ToList())
        {
            changed |= S.Signups.Remove(day) | S.Referrals.Remove(day);
        }

        if (changed)
        {
            Changed();
        }
    }

    private void Changed() =>
        _write ??= this.RegisterGrainTimer(Write, new GrainTimerCreationOptions(WriteInterval, Timeout.InfiniteTimeSpan) { KeepAlive = true });

    private async Task Write(CancellationToken cancellationToken)
    {
        // One-shot: the next change arms a new timer. Disposing this one from inside its own
        // callback would cancel the token, so it is disposed when the write is done.
        var timer = _write;
        _write = null;
        try
        {
            await state.WriteStateAsync(cancellationToken);
        }
        finally
        {
            timer?.Dispose();
        }
    }
}
