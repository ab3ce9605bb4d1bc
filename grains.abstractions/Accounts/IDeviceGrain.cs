namespace Referral.Grains.Abstractions.Accounts;

/// <summary>
/// A guest device as versions before 2026-11-27 linked it: keyed by a keyed hash of the device id,
/// holding a random user id. Guests are now found by a user id computed from the device id, with no
/// device grain; these links are only read, while storage still holds any, so a device linked
/// before keeps its guest.
/// </summary>
public interface IDeviceGrain : IGrainWithStringKey
{
    /// <summary>The user the device was linked to, or null.</summary>
    [Orleans.Concurrency.ReadOnly]
    ValueTask<Guid?> LinkedUser();
}
