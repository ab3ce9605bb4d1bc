using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Referral.Api.Auth;

namespace Referral.Api.Hubs;

/// <summary>
/// The real-time front door for web and mobile clients. Game features add their methods here as
/// they land; the clock is the first, because every countdown on a client is drawn against it.
/// Every method needs a signed-in player unless it names a stricter policy itself.
/// </summary>
[Authorize(Policy = Policies.Player)]
public sealed partial class GameHub(TimeProvider time) : Hub
{
    /// <summary>
    /// The server's clock. Clients estimate their offset as serverTime − (sent + received) / 2 and
    /// draw countdowns against server deadlines, never against their own clock.
    /// </summary>
    public ServerClock ServerTime() => new(time.GetUtcNow().ToUnixTimeMilliseconds());
}
