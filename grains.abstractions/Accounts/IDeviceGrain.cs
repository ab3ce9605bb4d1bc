namespace Referral.Grains.Abstractions.Accounts;

/// <summary>
/// A guest device, keyed by a keyed hash of the device id the app generated: the same device gets
/// the same guest user back, so a guest who reopens the app keeps their history.
/// </summary>
public interface IDeviceGrain : IGrainWithStringKey
{
    /// <summary>The device's guest user, created on first use with this display name and locale.</summary>
    ValueTask<AccountOutcome<UserView>> SignInGuest(GuestSignIn command);

    /// <summary>
    /// <see cref="SignInGuest"/> and a new session in one step: the api's guest sign-in. A new
    /// guest and its first session cost the user grain one call and one write.
    /// </summary>
    ValueTask<AccountOutcome<SessionGrant>> StartGuestSession(GuestSignIn command, OpenSession session);

    /// <summary>Forgets the device (its user was deleted).</summary>
    ValueTask Forget(Guid userId);
}
