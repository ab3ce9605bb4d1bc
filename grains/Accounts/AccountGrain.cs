using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Referral.Grains.Abstractions;
using Referral.Grains.Abstractions.Accounts;

namespace Referral.Grains.Accounts;

/// <summary>
/// An email login keyed by <see cref="AccountKeys.ForEmail"/>: the user id, the Argon2id hash and
/// the failed-login window (<c>AccountGrain.Login.cs</c>). Non-reentrant on purpose: password
/// checks against one account run one at a time, which throttles parallel guessing.
/// </summary>
public sealed partial class AccountGrain(
    [PersistentState("account", StorageNames.Default)] IPersistentState<AccountState> state,
    IOptions<AccountOptions> options,
    TimeProvider time) : Grain, IAccountGrain
{
    // One hasher per parameter set and process: its dummy hash (the unknown-account path) is
    // computed once, not on each activation's first unknown login.
    private static readonly ConcurrentDictionary<Argon2Parameters, PasswordHasher> Hashers = new();

    private readonly AccountOptions _options = options.Value;

    private AccountState S => state.State;

    private PasswordHasher Hasher => Hashers.GetOrAdd(_options.PasswordHashing, p => new PasswordHasher(p));

    public async ValueTask<AccountOutcome<UserView>> Register(RegisterAccount command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (InvalidProfileField(command.DisplayName, command.Locale, command.ReferralCode) is { } field)
        {
            return AccountOutcome.Fail<UserView>(AccountErrors.InvalidProfile, field);
        }

        if (PasswordPolicy.Default.Check(command.Password) is { } rejection)
        {
            return AccountOutcome.Fail<UserView>(AccountErrors.PasswordPolicy, rejection.Code);
        }

        var user = GrainFactory.GetGrain<IUserGrain>(command.UserId);
        var create = new CreateUser(command.DisplayName, command.Locale, command.Email, command.ReferralCode,
            command.GrantAdmin ? [Roles.Player, Roles.Host, Roles.Admin] : [Roles.Player, Roles.Host]);
        switch (await ExistingClaim(command.UserId, command.Password))
        {
            case Claim.SameRequest:
                // The account was stored but the silo may have died before the user was created:
                // Create is idempotent, so finishing is the same as answering again.
                return AccountOutcome.Success(await user.Create(create));
            case Claim.Taken:
                return AccountOutcome.Fail<UserView>(AccountErrors.EmailTaken);
        }

        await ClaimAsync(command.UserId, command.Password);
        return AccountOutcome.Success(await user.Create(create));
    }

    public async ValueTask<AccountOutcome<UserView>> UpgradeGuest(UpgradeGuest command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (PasswordPolicy.Default.Check(command.Password) is { } rejection)
        {
            return AccountOutcome.Fail<UserView>(AccountErrors.PasswordPolicy, rejection.Code);
        }

        var user = GrainFactory.GetGrain<IUserGrain>(command.UserId);
        var claim = await ExistingClaim(command.UserId, command.Password);
        if (claim == Claim.Taken)
        {
            return AccountOutcome.Fail<UserView>(AccountErrors.EmailTaken);
        }

        if (claim == Claim.Free)
        {
            var guest = await user.Find();
            if (guest is null)
            {
                return AccountOutcome.Fail<UserView>(AccountErrors.UserNotFound);
            }

            if (!guest.IsGuest)
            {
                return AccountOutcome.Fail<UserView>(AccountErrors.NotAGuest);
            }

            await ClaimAsync(command.UserId, command.Password);
        }

        var attached = await user.AttachEmail(command.Email);
        if (!attached.Ok)
        {
            // Someone upgraded this guest with another email in between: give this email back.
            await state.ClearStateAsync();
            return attached;
        }

        return command.GrantAdmin && !attached.Value!.Roles.Contains(Roles.Admin)
            ? await user.SetRoles([.. attached.Value.Roles, Roles.Admin])
            : attached;
    }

    public async ValueTask Release(Guid userId)
    {
        if (S.UserId == userId)
        {
            await state.ClearStateAsync();
        }
    }

    private static string? InvalidProfileField(string displayName, string locale, string? referralCode) =>
        !ProfileRules.TryDisplayName(displayName, out _) ? ProfileRules.DisplayNameField
        : !ProfileRules.TryLocale(locale, out _) ? ProfileRules.LocaleField
        : !ProfileRules.TryReferralCode(referralCode, out _) ? ProfileRules.ReferralCodeField
        : null;

    /// <summary>Who holds this email now, as seen by a request for <paramref name="userId"/>.</summary>
    private async Task<Claim> ExistingClaim(Guid userId, string password)
    {
        if (S.UserId is not { } holder || S.PasswordHash is null)
        {
            return Claim.Free;
        }

        // Same user id and the same password: a retry of the request that claimed the email. The
        // password matters because user ids are not secret once issued.
        if (holder == userId && PasswordHasher.Verify(S.PasswordHash, password))
        {
            return Claim.SameRequest;
        }

        // A deleted user whose account was not released (the api died between the two calls)
        // must not hold the address forever.
        return await GrainFactory.GetGrain<IUserGrain>(holder).Find() is null ? Claim.Free : Claim.Taken;
    }

    private async Task ClaimAsync(Guid userId, string password)
    {
        var now = time.GetUtcNow();
        state.State = new AccountState
        {
            UserId = userId,
            PasswordHash = Hasher.Hash(password),
            CreatedAt = now,
            PasswordChangedAt = now,
        };
        await state.WriteStateAsync();
    }

    private enum Claim
    {
        Free,
        SameRequest,
        Taken,
    }
}
