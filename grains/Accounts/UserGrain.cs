using Microsoft.Extensions.Options;
using Referral.Grains.Abstractions;
using Referral.Grains.Abstractions.Accounts;

namespace Referral.Grains.Accounts;

/// <summary>
/// One user: profile, roles and refresh-token families (<c>UserGrain.Sessions.cs</c>). The only
/// writer of the user's personal data, which it encrypts before storage and decrypts for views.
/// </summary>
public sealed partial class UserGrain(
    [PersistentState("user", StorageNames.Default)] IPersistentState<UserState> state,
    IPersonalDataProtector protector,
    IOptions<AccountOptions> options,
    TimeProvider time) : Grain, IUserGrain
{
    private readonly AccountOptions _options = options.Value;

    // Decrypting on every read would repeat the same work; the view is rebuilt after each change.
    private UserView? _view;

    private UserState S => state.State;

    private bool Exists => S.Created && !S.Deleted;

    public async ValueTask<UserView> Create(CreateUser command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (S.Created)
        {
            return View();
        }

        var view = Fill(command);
        await SaveAsync();
        return _view = view;
    }

    public async ValueTask<AccountOutcome<SessionGrant>> StartDeviceGuestSession(CreateUser guest, OpenSession session)
    {
        ArgumentNullException.ThrowIfNull(guest);
        ArgumentNullException.ThrowIfNull(session);
        if (S.Created)
        {
            // The device's guest coming back; a guest that became an email account signs in with
            // its password from then on, never with the device id alone, and a deleted one is gone.
            return Exists && S.IsGuest ? await OpenSession(session) : AccountOutcome.Fail<SessionGrant>(AccountErrors.NotAGuest);
        }

        if (!ProfileRules.TryDisplayName(guest.DisplayName, out _))
        {
            return AccountOutcome.Fail<SessionGrant>(AccountErrors.InvalidProfile, ProfileRules.DisplayNameField);
        }

        if (!ProfileRules.TryLocale(guest.Locale, out _))
        {
            return AccountOutcome.Fail<SessionGrant>(AccountErrors.InvalidProfile, ProfileRules.LocaleField);
        }

        if (guest.Email is not null)
        {
            throw new ArgumentException("A guest has no email.", nameof(guest));
        }

        // One write for the new guest and its first session.
        var view = Fill(guest);
        var (token, family) = AddFamily(session);
        await SaveAsync();
        _view = view;
        return AccountOutcome.Success(new SessionGrant(token, family.Id, family.ExpiresAt, view) { NewUser = true });
    }

    /// <summary>Validates a new user and writes it into state (unsaved); the plain view, which needs no decryption.</summary>
    private UserView Fill(CreateUser command)
    {
        // Callers (account and device grains) validate first and answer invalid_profile; reaching
        // here with bad input is a bug in the caller.
        if (!ProfileRules.TryDisplayName(command.DisplayName, out var displayName))
        {
            throw new ArgumentException("The display name is not valid.", nameof(command));
        }

        if (!ProfileRules.TryLocale(command.Locale, out var locale))
        {
            throw new ArgumentException("The locale is not supported.", nameof(command));
        }

        if (!ProfileRules.TryReferralCode(command.ReferralCode, out var referralCode))
        {
            throw new ArgumentException("The referral code is not valid.", nameof(command));
        }

        if (UserRoles.FirstUnknown(command.Roles) is { } unknown)
        {
            throw new ArgumentException($"Unknown role '{unknown}'.", nameof(command));
        }

        var email = string.IsNullOrWhiteSpace(command.Email) ? null : command.Email.Trim();
        S.Created = true;
        S.ProtectedDisplayName = protector.Protect(displayName);
        S.Locale = locale;
        S.ProtectedEmail = email is null ? null : protector.Protect(email);
        S.ProtectedReferralCode = referralCode is null ? null : protector.Protect(referralCode);
        S.Roles = UserRoles.Canonical(command.Roles);
        S.IsGuest = email is null;
        S.CreatedAt = time.GetUtcNow();
        return new UserView(this.GetPrimaryKey(), displayName, locale, email, S.IsGuest, S.Roles.ToArray(), S.CreatedAt, referralCode, false);
    }

    public ValueTask<UserView?> Find() => ValueTask.FromResult(Exists ? View() : null);

    public ValueTask<UserView?> FindSession(Guid sessionId) =>
        ValueTask.FromResult(Exists && S.Families.Find(f => f.Id == sessionId) is { IsRevoked: false } family && family.ExpiresAt > time.GetUtcNow()
            ? View()
            : null);

    public async ValueTask<AccountOutcome<UserView>> UpdateProfile(ProfileUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        if (!Exists)
        {
            return AccountOutcome.Fail<UserView>(AccountErrors.UserNotFound);
        }

        string? displayName = null;
        if (update.DisplayName is not null && !ProfileRules.TryDisplayName(update.DisplayName, out displayName))
        {
            return AccountOutcome.Fail<UserView>(AccountErrors.InvalidProfile, ProfileRules.DisplayNameField);
        }

        string? locale = null;
        if (update.Locale is not null && !ProfileRules.TryLocale(update.Locale, out locale))
        {
            return AccountOutcome.Fail<UserView>(AccountErrors.InvalidProfile, ProfileRules.LocaleField);
        }

        var current = View();
        var changed = false;
        if (displayName is not null && displayName != current.DisplayName)
        {
            S.ProtectedDisplayName = protector.Protect(displayName);
            changed = true;
        }

        if (locale is not null && locale != S.Locale)
        {
            S.Locale = locale;
            changed = true;
        }

        if (changed)
        {
            await SaveAsync();
        }

        return AccountOutcome.Success(View());
    }

    public async ValueTask<AccountOutcome<UserView>> AttachEmail(string email)
    {
        if (!Exists)
        {
            return AccountOutcome.Fail<UserView>(AccountErrors.UserNotFound);
        }

        if (string.IsNullOrWhiteSpace(email))
        {
            return AccountOutcome.Fail<UserView>(AccountErrors.InvalidProfile, "email");
        }

        if (!S.IsGuest)
        {
            // A retry of an upgrade that already went through is not an error.
            var attached = View().Email;
            return attached is not null && AccountKeys.NormalizeEmail(attached) == AccountKeys.NormalizeEmail(email)
                ? AccountOutcome.Success(View())
                : AccountOutcome.Fail<UserView>(AccountErrors.NotAGuest);
        }

        S.ProtectedEmail = protector.Protect(email.Trim());
        S.IsGuest = false;
        S.Roles = UserRoles.Canonical([.. S.Roles, Roles.Host]);
        await SaveAsync();
        return AccountOutcome.Success(View());
    }

    public async ValueTask<AccountOutcome<UserView>> SetRoles(IReadOnlyList<string> roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        if (!Exists)
        {
            return AccountOutcome.Fail<UserView>(AccountErrors.UserNotFound);
        }

        if (UserRoles.FirstUnknown(roles) is { } unknown)
        {
            return AccountOutcome.Fail<UserView>(AccountErrors.InvalidRole, unknown);
        }

        var canonical = UserRoles.Canonical(roles);
        if (!canonical.SequenceEqual(S.Roles, StringComparer.Ordinal))
        {
            S.Roles = canonical;
            await SaveAsync();
        }

        return AccountOutcome.Success(View());
    }

    public ValueTask<AccountOutcome<UserExport>> Export()
    {
        if (!Exists)
        {
            return ValueTask.FromResult(AccountOutcome.Fail<UserExport>(AccountErrors.UserNotFound));
        }

        var sessions = S.Families.Select(f => new SessionInfo(
            f.Id, Reveal(f.ProtectedDevice), f.CreatedAt, f.LastUsedAt, f.ExpiresAt, f.IsRevoked)).ToList();
        var devices = sessions.Select(s => s.Device).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        return ValueTask.FromResult(AccountOutcome.Success(new UserExport(View(), sessions, devices, time.GetUtcNow())));
    }

    public async ValueTask<AccountOutcome<UserView>> Delete()
    {
        if (!S.Created)
        {
            return AccountOutcome.Fail<UserView>(AccountErrors.UserNotFound);
        }

        if (S.Deleted)
        {
            return AccountOutcome.Success(View());
        }

        // Erase rather than encrypt-and-forget: the tombstone keeps only the id, when it was
        // created and deleted, so ledger and analytics rows still join to an anonymous user.
        S.ProtectedDisplayName = null;
        S.ProtectedEmail = null;
        S.ProtectedReferralCode = null;
        S.Locale = ProfileRules.SupportedLocales[0];
        S.Roles = [];
        S.Families = [];
        S.Deleted = true;
        S.DeletedAt = time.GetUtcNow();
        await SaveAsync();
        return AccountOutcome.Success(View());
    }

    private async Task SaveAsync()
    {
        _view = null;
        await state.WriteStateAsync();
    }

    /// <summary>Saves a change to sessions only, which no view shows: the decrypted view stays.</summary>
    private Task SaveSessionsAsync() => state.WriteStateAsync();

    private UserView View() => _view ??= new UserView(
        this.GetPrimaryKey(),
        S.Deleted ? ProfileRules.DeletedDisplayName : Reveal(S.ProtectedDisplayName) ?? ProfileRules.DeletedDisplayName,
        S.Locale,
        Reveal(S.ProtectedEmail),
        S.IsGuest,
        S.Roles.ToArray(),
        S.CreatedAt,
        Reveal(S.ProtectedReferralCode),
        S.Deleted);

    private string? Reveal(string? protectedValue) => protectedValue is null ? null : protector.Unprotect(protectedValue);
}
