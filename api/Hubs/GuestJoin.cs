using Referral.Api.Auth;
using Referral.Grains.Abstractions.Quiz;

namespace Referral.Api.Hubs;

/// <summary>
/// What <c>JoinRoomAsGuest</c> returns once the guest is signed in: always the session (tokens
/// included, as <c>SignInGuest</c> returns it), and either the room as the player sees it or,
/// when the room refused the player, why (<c>nickname_taken</c>, <c>room_locked</c>, …). The
/// connection is the session's either way, so the client keeps the tokens and can call
/// <c>JoinRoom</c> again, with another nickname say.
/// </summary>
public sealed record GuestJoin(AuthResponse Session, RoomSnapshot? Room, JoinRefusal? Refused);
