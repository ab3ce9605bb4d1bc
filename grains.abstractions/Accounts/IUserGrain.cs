namespace Referral.Grains.Abstractions.Accounts;

/// <summary>
/// One user (guest or email account), keyed by user id: profile, roles, devices and refresh-token
/// families. The only writer of that user's personal data, which it keeps encrypted at rest.
/// </summary>
public interface IUserGrain : IGrainWithGuidKey
{
    /// <summary>Creates the user; repeating the same call returns the existing user unchanged.</summary>
    ValueTask<UserView> Create(CreateUser command);

    /// <summary>
    /// A device's guest sign-in, on the user id computed from the device id (a keyed hash, see
    /// <c>AccountKeys.ForGuest</c>): creates the guest with its first session in one write the first
    /// time (<see cref="SessionGrant.NewUser"/>), opens a new session while the user is still a
    /// guest, and refuses with <c>not_a_guest</c> once it became an email account or was deleted
    /// (the device then moves on to its next guest id). <c>invalid_profile</c> names a refused field.
    /// </summary>
    ValueTask<AccountOutcome<SessionGrant>> StartDeviceGuestSession(CreateUser guest, OpenSession session);

    /// <summary>The user, or null when never created or deleted.</summary>
    ValueTask<UserView?> Find();

    /// <summary>
    /// The user, only while the refresh-token family <paramref name="sessionId"/> is live (not
    /// revoked, not past its absolute expiry). Every authenticated request checks this, so logout,
    /// ending a session or reuse detection end that session's access tokens at once.
    /// </summary>
    [Orleans.Concurrency.ReadOnly]
    ValueTask<UserView?> FindSession(Guid sessionId);

    ValueTask<AccountOutcome<UserView>> UpdateProfile(ProfileUpdate update);

    /// <summary>Turns a guest into an email account (called by the account grain on upgrade).</summary>
    ValueTask<AccountOutcome<UserView>> AttachEmail(string email);

    /// <summary>Replaces the roles (admin only, checked by the caller). Player is always kept.</summary>
    ValueTask<AccountOutcome<UserView>> SetRoles(IReadOnlyList<string> roles);

    /// <summary>Opens a refresh-token family (a login on one device) and returns its first token.</summary>
    ValueTask<AccountOutcome<SessionGrant>> OpenSession(OpenSession command);

    /// <summary>
    /// Rotates a refresh token. Presenting a token that was already rotated revokes its whole
    /// family (RFC 9700 reuse detection) and fails.
    /// </summary>
    ValueTask<AccountOutcome<SessionGrant>> Refresh(string refreshToken);

    /// <summary>Revokes one family (logout on one device). Idempotent.</summary>
    ValueTask RevokeSession(Guid familyId);

    /// <summary>Revokes every family (password change, deletion, admin action). Idempotent.</summary>
    ValueTask RevokeAllSessions();

    /// <summary>Everything held on the user, decrypted, for the data-export right.</summary>
    ValueTask<AccountOutcome<UserExport>> Export();

    /// <summary>Erases personal data and revokes every session; the id stays as an anonymous tombstone.</summary>
    ValueTask<AccountOutcome<UserView>> Delete();
}
