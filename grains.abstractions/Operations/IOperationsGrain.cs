namespace Referral.Grains.Abstractions.Operations;

/// <summary>
/// The live operations figures for admins, keyed 0: what each api node reports (its open hub
/// connections and its signup counts since its last report), the open quiz rooms (told by the PIN
/// directory), and per-UTC-day totals. Its callers are few and periodic — one report per api node
/// every few seconds, one call per room opened or ended, admins reading — never one per player
/// action, so one activation is enough.
/// </summary>
public interface IOperationsGrain : IGrainWithIntegerKey
{
    /// <summary>A node's current connections and its counts since its previous report (added to the day totals).</summary>
    ValueTask Report(NodeReport report);

    /// <summary>A node is shutting down: its connections stop counting at once rather than at expiry.</summary>
    ValueTask NodeStopped(Guid nodeId);

    /// <summary>A quiz room took a PIN (it is open: lobby or playing).</summary>
    ValueTask RoomOpened(Guid roomId);

    /// <summary>A quiz room ended and gave its PIN back.</summary>
    ValueTask RoomClosed(Guid roomId);

    /// <summary>The figures now (today is the current UTC day).</summary>
    ValueTask<OperationsView> View();
}
