namespace Referral.Grains.Abstractions.Accounts;

/// <summary>
/// A guest device, keyed by a keyed hash of the device id the app generated: the same device gets
/// the same guest user back, so a guest who reopens the app keeps their history.
/// </summary>
public interface IDeviceGrain : IGrainWithStringKey
{
    /// <summary>The device's guest user, created on first use with this display name and locale.</summary>
    ValueTask<AccountOutcome<UserView>> SignInGuest(GuestSignIn command);

    /// <summary>Forgets the device (its user was deleted).</summary>
    ValueTask Forget(Guid userId);
}
