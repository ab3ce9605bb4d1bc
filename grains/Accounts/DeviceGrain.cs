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
        if (state.State.UserId is { } linked
            && await GrainFactory.GetGrain<IUserGrain>(linked).Find() is { IsGuest: true } returning)
        {
            return AccountOutcome.Success(returning);
        }

        // First use, or the linked user was deleted, or upgraded to an email account (which signs
        // in with its password from then on, never with the device id alone): a new guest.
        if (!ProfileRules.TryDisplayName(command.DisplayName, out _))
        {
            return AccountOutcome.Fail<UserView>(AccountErrors.InvalidProfile, ProfileRules.DisplayNameField);
        }

        if (!ProfileRules.TryLocale(command.Locale, out _))
        {
            return AccountOutcome.Fail<UserView>(AccountErrors.InvalidProfile, ProfileRules.LocaleField);
        }

        // Link first, then create: a crash in between leaves a link to a user that never existed,
        // which the next sign-in replaces, rather than a guest user that nothing links to.
        state.State.UserId = command.NewUserId;
        state.State.LinkedAt = time.GetUtcNow();
        await state.WriteStateAsync();

        var created = await GrainFactory.GetGrain<IUserGrain>(command.NewUserId)
            .Create(new CreateUser(command.DisplayName, command.Locale, null, null, [Roles.Player]));
        if (!created.IsGuest || created.Deleted)
        {
            // NewUserId named an existing user: never hand that user out on a device id.
            await state.ClearStateAsync();
            return AccountOutcome.Fail<UserView>(AccountErrors.UserNotFound);
        }

        return AccountOutcome.Success(created);
    }

    public async ValueTask Forget(Guid userId)
    {
        if (state.State.UserId == userId)
        {
            await state.ClearStateAsync();
        }
    }
}
