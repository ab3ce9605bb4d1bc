using Referral.Grains.Abstractions;
using Referral.Grains.Abstractions.Accounts;

namespace Referral.Grains.Accounts;

/// <summary>
/// A device link written by versions before 2026-11-27 (keyed by <see cref="AccountKeys.ForDevice"/>),
/// read only: new guests live at <see cref="AccountKeys.ForGuest"/> and need no link
/// (<see cref="GuestDevices"/>).
/// </summary>
public sealed class DeviceGrain(
    [PersistentState(DeviceGrain.StateName, StorageNames.Default)] IPersistentState<DeviceState> state) : Grain, IDeviceGrain
{
    /// <summary>The storage name of a device link's state (its rows' grain type in PostgreSQL).</summary>
    public const string StateName = "device";

    public ValueTask<Guid?> LinkedUser() => ValueTask.FromResult(state.State.UserId);
}
