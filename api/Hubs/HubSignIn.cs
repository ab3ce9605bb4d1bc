using System.Security.Claims;

namespace Referral.Api.Hubs;

/// <summary>
/// One sign-in on an anonymous hub connection. SignalR fixes a connection's principal object when
/// it opens, so the new identity is added to that object, which the api gave no identity at all
/// for a request without a token (<see cref="HubAccessFilter.UseAnonymousHubPrincipal"/>): it
/// becomes the principal's only, and primary, identity.
/// </summary>
public sealed class HubSignIn(ClaimsPrincipal user, HubDeadline deadline) : IDisposable
{
    private bool _completed;

    /// <summary>The connection is <paramref name="identity"/>'s from now on, and closes at <paramref name="expiresAt"/>.</summary>
    public void Complete(ClaimsIdentity identity, DateTimeOffset expiresAt)
    {
        ArgumentNullException.ThrowIfNull(identity);
        user.AddIdentity(identity);
        deadline.SignedIn(expiresAt);
        _completed = true;
    }

    public void Dispose()
    {
        if (!_completed)
        {
            deadline.SignInFailed();
        }
    }
}
