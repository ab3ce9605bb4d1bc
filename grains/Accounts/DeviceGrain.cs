using Referral.Grains.Abstractions;
using Referral.Grains.Abstractions.Accounts;

namespace Referral.Grains.Accounts;

/// <summary>
/// A guest device keyed by <see cref="AccountKeys.ForDevice"/>: the device id is the guest's only
/// credential, so it maps to a guest user and nothing else.
/// </summary>
public sealed class DeviceGrain(
    [PersistentState("device", StorageNames.Default)] IPersistentState<DeviceState> state,
    TimeProvider time) : Grain, IDeviceGrain
{
    public async ValueTask<AccountOutcome<UserView>> SignInGuest(GuestSignIn command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (await Returning() is { } returning)
        {
            return AccountOutcome.Success(returning);
        }

        if (Refusal(command) is { } refused)
        {
            return AccountOutcome.Fail<UserView>(refused.Error, refused.Field);
        }

        await Link(command);
        var created = await GrainFactory.GetGrain<IUserGrain>(command.NewUserId).Create(NewGuest(command));
        if (!created.IsGuest || created.Deleted)
        {
            // NewUserId named an existing user: never hand that user out on a device id.
            await state.ClearStateAsync();
            return AccountOutcome.Fail<UserView>(AccountErrors.UserNotFound);
        }

        return AccountOutcome.Success(created);
    }

    public async ValueTask<AccountOutcome<SessionGrant>> StartGuestSession(GuestSignIn command, OpenSession session)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(session);
        if (await Returning() is { } returning)
        {
            return await GrainFactory.GetGrain<IUserGrain>(returning.Id).OpenSession(session);
        }

        if (Refusal(command) is { } refused)
        {
            return AccountOutcome.Fail<SessionGrant>(refused.Error, refused.Field);
        }

        // One call and one write in the user grain for the new guest and its first session.
        await Link(command);
        var opened = await GrainFactory.GetGrain<IUserGrain>(command.NewUserId).CreateWithSession(NewGuest(command), session);
        if (!opened.Ok)
        {
            // NewUserId named an existing user: never hand that user out on a device id.
            await state.ClearStateAsync();
        }

        return opened;
    }

    /// <summary>The device's guest, when it still is one (not deleted, not upgraded to an email account).</summary>
    private async Task<UserView?> Returning() =>
        state.State.UserId is { } linked && await GrainFactory.GetGrain<IUserGrain>(linked).Find() is { IsGuest: true } returning
            ? returning
            : null;

    // First use, or the linked user was deleted, or upgraded to an email account (which signs in
    // with its password from then on, never with the device id alone): a new guest, if valid.
    private static (string Error, string Field)? Refusal(GuestSignIn command) =>
        !ProfileRules.TryDisplayName(command.DisplayName, out _) ? (AccountErrors.InvalidProfile, ProfileRules.DisplayNameField)
        : !ProfileRules.TryLocale(command.Locale, out _) ? (AccountErrors.InvalidProfile, ProfileRules.LocaleField)
        : null;

    /// <summary>
    /// Links first, then creates: a crash in between leaves a link to a user that never existed,
    /// which the next sign-in replaces, rather than a guest user that nothing links to.
    /// </summary>
    private async Task Link(GuestSignIn command)
    {
        state.State.UserId = command.NewUserId;
        state.State.LinkedAt = time.GetUtcNow();
        await state.WriteStateAsync();
    }

    private static CreateUser NewGuest(GuestSignIn command) => new(command.DisplayName, command.Locale, null, null, [Roles.Player]);

    public async ValueTask Forget(Guid userId)
    {
        if (state.State.UserId == userId)
        {
            await state.ClearStateAsync();
        }
    }
}
