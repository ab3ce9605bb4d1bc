using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Referral.Api.Auth;
using Referral.Api.Rooms;

namespace Referral.Api.Hubs;

/// <summary>
/// Joining a live room by PIN in one step, the way players join a quiz: a connection opened
/// without a token signs in as its device's guest, with the nickname as display name, and takes
/// its seat, in one round trip instead of two (SignInGuest, then JoinRoom).
/// </summary>
public sealed partial class GameHub
{
    /// <summary>
    /// Signs this anonymous connection in as the guest of <paramref name="deviceId"/> and joins the
    /// room holding <paramref name="pin"/> as <paramref name="nickname"/>. A PIN that holds no live
    /// room (<c>room_not_found</c>) and every sign-in refusal (as <c>SignInGuest</c>) are hub
    /// errors that leave nothing behind: no account, no session, the connection still anonymous.
    /// Once signed in, a refusal by the room is part of the result (<see cref="GuestJoin"/>).
    /// Every call counts as a guest sign-in of the address, a wrong PIN too, so PINs cannot be
    /// tried without an account faster than guests can sign in.
    /// </summary>
    [AllowAnonymous]
    public async Task<GuestJoin> JoinRoomAsGuest(
        string? pin,
        string? nickname,
        string? deviceId,
        string? locale,
        string? device,
        [FromServices] GuestSignIns guests,
        [FromServices] AuthOptions auth,
        [FromServices] IGrainFactory grains,
        [FromServices] RoomRelay relay)
    {
        ArgumentNullException.ThrowIfNull(guests);
        if (HubAccessFilter.IsSignedIn(Context.User))
        {
            throw AlreadySignedIn();
        }

        CountGuestSignIn(guests);
        // The PIN before the sign-in: a player who mistyped it must not have created an account.
        var roomId = await ResolvePin(pin, grains);
        var session = await SignInAsGuest(new GuestRequest(nickname, deviceId, locale, device), guests, auth, counted: true);
        var joined = await Join(roomId, nickname, grains, relay);
        return joined.Ok
            ? new GuestJoin(session, joined.Value, null)
            : new GuestJoin(session, null, new JoinRefusal(joined.Error!, joined.Detail ?? joined.Error!));
    }
}
