using Microsoft.AspNetCore.SignalR;

namespace Referral.Api.Hubs;

/// <summary>
/// When an anonymous hub connection is closed: its sign-in deadline, then, once signed in on the
/// hub, its access token's expiry. Checked on the connection's heartbeat. Holds the connection's
/// anonymous slot (<see cref="AnonymousHubSlots"/>) until it signs in or closes.
/// </summary>
public sealed class HubDeadline(HubCallerContext connection, TimeProvider time, DateTimeOffset closeAt, AnonymousHubSlots slots, string address)
{
    private const int Anonymous = 0;
    private const int SigningIn = 1;
    private const int Signed = 2;

    private long _closeAtTicks = closeAt.UtcTicks;
    private int _state;
    private int _slotReleased;

    /// <summary>Gives the connection's anonymous slot back (once).</summary>
    public void ReleaseSlot()
    {
        if (Interlocked.Exchange(ref _slotReleased, 1) == 0)
        {
            slots.Release(address);
        }
    }

    public void Check()
    {
        if (time.GetUtcNow().UtcTicks >= Interlocked.Read(ref _closeAtTicks))
        {
            connection.Abort();
        }
    }

    internal bool TryBeginSignIn() => Interlocked.CompareExchange(ref _state, SigningIn, Anonymous) == Anonymous;

    internal void SignedIn(DateTimeOffset expiresAt)
    {
        Interlocked.Exchange(ref _closeAtTicks, expiresAt.UtcTicks);
        Volatile.Write(ref _state, Signed);
        ReleaseSlot();
    }

    internal void SignInFailed() => Interlocked.CompareExchange(ref _state, Anonymous, SigningIn);
}
