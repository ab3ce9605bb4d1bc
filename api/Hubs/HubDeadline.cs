using Microsoft.AspNetCore.SignalR;

namespace Referral.Api.Hubs;

/// <summary>
/// When an anonymous hub connection is closed: its sign-in deadline, then, once signed in on the
/// hub, its access token's expiry. Checked on the connection's heartbeat.
/// </summary>
public sealed class HubDeadline(HubCallerContext connection, TimeProvider time, DateTimeOffset closeAt)
{
    private const int Anonymous = 0;
    private const int SigningIn = 1;
    private const int Signed = 2;

    private long _closeAtTicks = closeAt.UtcTicks;
    private int _state;

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
    }

    internal void SignInFailed() => Interlocked.CompareExchange(ref _state, Anonymous, SigningIn);
}
