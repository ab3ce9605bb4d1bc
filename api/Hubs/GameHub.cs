using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace Referral.Api.Hubs;

/// <summary>
/// The real-time front door for web and mobile clients. Game features add their methods here as
/// they land; the clock is the first, because every countdown on a client is drawn against it.
/// Every method needs a signed-in caller (<see cref="HubAccessFilter"/>) unless it is marked
/// <see cref="AllowAnonymousAttribute"/> (<c>SignInGuest</c> and <c>JoinRoomAsGuest</c>), and some name a stricter
/// policy themselves.
/// </summary>
public sealed partial class GameHub(TimeProvider time) : Hub
{
    /// <summary>
    /// The server's clock. Clients estimate their offset as serverTime − (sent + received) / 2 and
    /// draw countdowns against server deadlines, never against their own clock.
    /// </summary>
    public ServerClock ServerTime() => new(time.GetUtcNow().ToUnixTimeMilliseconds());
}
