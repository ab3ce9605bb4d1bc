namespace Referral.Grains.Abstractions.Accounts;

/// <summary>
/// An email login, keyed by a keyed hash of the normalised email (never the email itself): maps
/// to the user id and holds the Argon2id password hash and the failed-login window.
/// </summary>
public interface IAccountGrain : IGrainWithStringKey
{
    /// <summary>Creates the account and its user. Fails with <c>email_taken</c> when registered.</summary>
    ValueTask<AccountOutcome<UserView>> Register(RegisterAccount command);

    /// <summary>Attaches this email and password to an existing guest user (guest upgrade).</summary>
    ValueTask<AccountOutcome<UserView>> UpgradeGuest(UpgradeGuest command);

    /// <summary>
    /// Checks a password. Unknown accounts spend the same hashing work as known ones and answer
    /// the same way, so a caller cannot tell whether an email is registered.
    /// </summary>
    ValueTask<LoginCheck> VerifyPassword(string password);

    ValueTask<AccountOutcome<bool>> ChangePassword(Guid userId, string currentPassword, string newPassword);

    /// <summary>Removes the email mapping and hash (account deletion). Idempotent.</summary>
    ValueTask Release(Guid userId);
}
