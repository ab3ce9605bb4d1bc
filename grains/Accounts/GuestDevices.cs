using Referral.Grains.Abstractions.Accounts;

namespace Referral.Grains.Accounts;

/// <summary>
/// Guest sign-in by device id. A device's guest lives at a user id computed from the device id
/// (<see cref="AccountKeys.ForGuest"/>, generation 0 first), so a sign-in is one call to one
/// grain: a new guest costs one activation and one write. When that guest became an email account
/// or was deleted, the device moves on to its next generation. Devices linked by earlier versions
/// (<see cref="IDeviceGrain"/>) are asked first while such links exist in storage.
/// </summary>
public static class GuestDevices
{
    /// <summary>Guests one device may have had (each upgraded or deleted but the last).</summary>
    public const int MaxGuestsPerDevice = 64;

    /// <summary>
    /// The device's guest (a new one the first time, with <paramref name="displayName"/> and
    /// <paramref name="locale"/>) and a new session for it; <see cref="SessionGrant.NewUser"/> tells
    /// a new guest. Refuses with <c>invalid_profile</c> (the field in the detail) when a new guest's
    /// name or locale is not accepted.
    /// </summary>
    public static async Task<AccountOutcome<SessionGrant>> StartSessionAsync(
        IGrainFactory grains, ReadOnlyMemory<byte> secret, string deviceId, string displayName, string locale, OpenSession session, bool readLegacyLinks)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentException.ThrowIfNullOrWhiteSpace(deviceId);
        var guest = new CreateUser(displayName, locale, null, null, [Roles.Player]);
        if (readLegacyLinks
            && await grains.GetGrain<IDeviceGrain>(AccountKeys.ForDevice(secret.Span, deviceId)).LinkedUser() is { } linked)
        {
            // The linked user, while still a guest (a link to a user never created makes it there).
            var resumed = await grains.GetGrain<IUserGrain>(linked).StartDeviceGuestSession(guest, session);
            if (resumed.Error != AccountErrors.NotAGuest)
            {
                return resumed;
            }
        }

        for (var generation = 0; generation < MaxGuestsPerDevice; generation++)
        {
            var outcome = await grains.GetGrain<IUserGrain>(AccountKeys.ForGuest(secret.Span, deviceId, generation)).StartDeviceGuestSession(guest, session);
            if (outcome.Error != AccountErrors.NotAGuest)
            {
                return outcome;
            }
        }

        return AccountOutcome.Fail<SessionGrant>(AccountErrors.DeviceGuestsExhausted);
    }
}
