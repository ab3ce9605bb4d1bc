using System.Globalization;
using Referral.Grains.Abstractions.Accounts;

namespace Referral.Grains.Accounts;

/// <summary>Password checks and the failed-login window.</summary>
public sealed partial class AccountGrain
{
    public async ValueTask<LoginCheck> VerifyPassword(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        var now = time.GetUtcNow();
        if (LockedFor(now) is { } wait)
        {
            return new LoginCheck(null, AccountErrors.LockedOut, wait);
        }

        if (S.UserId is not { } userId || S.PasswordHash is not { } hash)
        {
            _ = Hasher.VerifyDummy(password);
            await FailAsync(now);
            return InvalidCredentials;
        }

        if (!PasswordHasher.Verify(hash, password))
        {
            await FailAsync(now);
            return InvalidCredentials;
        }

        if (Hasher.NeedsRehash(hash))
        {
            // The only moment the password is in hand: upgrade the hash to the configured cost.
            S.PasswordHash = Hasher.Hash(password);
            await state.WriteStateAsync();
        }

        return new LoginCheck(userId, null, null);
    }

    public async ValueTask<AccountOutcome<bool>> ChangePassword(Guid userId, string currentPassword, string newPassword)
    {
        ArgumentNullException.ThrowIfNull(currentPassword);
        ArgumentNullException.ThrowIfNull(newPassword);
        var now = time.GetUtcNow();
        if (LockedFor(now) is { } wait)
        {
            return AccountOutcome.Fail<bool>(AccountErrors.LockedOut, ((int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture));
        }

        if (S.UserId != userId || S.PasswordHash is not { } hash)
        {
            // The caller's user does not own this email: nothing to count, nothing to reveal.
            _ = Hasher.VerifyDummy(currentPassword);
            return AccountOutcome.Fail<bool>(AccountErrors.InvalidCredentials);
        }

        // The current password is checked before the new one so that this call cannot be used to
        // guess it more often than login can: failures count towards the same lockout.
        if (!PasswordHasher.Verify(hash, currentPassword))
        {
            await FailAsync(now);
            return AccountOutcome.Fail<bool>(AccountErrors.InvalidCredentials);
        }

        if (PasswordPolicy.Default.Check(newPassword) is { } rejection)
        {
            return AccountOutcome.Fail<bool>(AccountErrors.PasswordPolicy, rejection.Code);
        }

        S.PasswordHash = Hasher.Hash(newPassword);
        S.PasswordChangedAt = now;
        await state.WriteStateAsync();

        // Every refresh token issued before the change dies with the old password.
        await GrainFactory.GetGrain<IUserGrain>(userId).RevokeAllSessions();
        return AccountOutcome.Success(true);
    }

    private static LoginCheck InvalidCredentials { get; } = new(null, AccountErrors.InvalidCredentials, null);

    /// <summary>How long until the oldest failure leaves the window, when the window is full.</summary>
    private TimeSpan? LockedFor(DateTimeOffset now)
    {
        var windowStart = now - _options.FailedLoginWindow;
        S.FailedLogins.RemoveAll(t => t <= windowStart);
        if (S.FailedLogins.Count < _options.MaxFailedLogins)
        {
            return null;
        }

        // The list is oldest first; once this many have aged out, there is room for one more.
        var freeing = S.FailedLogins[S.FailedLogins.Count - _options.MaxFailedLogins];
        return freeing + _options.FailedLoginWindow - now;
    }

    private async Task FailAsync(DateTimeOffset now)
    {
        S.FailedLogins.Add(now);
        if (S.UserId is null)
        {
            // Unknown email: counted in memory only, so guessing emails creates no storage rows;
            // kept active for the window so the lockout answers like a real account's would.
            DelayDeactivation(_options.FailedLoginWindow);
            return;
        }

        await state.WriteStateAsync();
    }
}
