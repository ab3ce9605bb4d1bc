namespace Referral.Api.Tests.Auth;

/// <summary>The expected HTTP status for each actor of one matrix row.</summary>
public sealed record Statuses(int Anonymous, int Player, int OtherPlayer, int Host, int Admin)
{
    public static Statuses All(int status) => new(status, status, status, status, status);

    /// <summary>Anyone signed in gets <paramref name="status"/>; anonymous gets 401.</summary>
    public static Statuses SignedIn(int status) => new(401, status, status, status, status);

    /// <summary>Admins get <paramref name="status"/>; other signed-in users 403; anonymous 401.</summary>
    public static Statuses AdminOnly(int status) => new(401, 403, 403, 403, status);

    /// <summary>Only this resource's host gets <paramref name="status"/>; players lack the role, the admin is not its host.</summary>
    public static Statuses HostOnly(int status) => new(401, 403, 403, status, 403);

    public int For(Actor actor) => actor switch
    {
        Actor.Anonymous => Anonymous,
        Actor.Player => Player,
        Actor.OtherPlayer => OtherPlayer,
        Actor.Host => Host,
        Actor.Admin => Admin,
        _ => throw new ArgumentOutOfRangeException(nameof(actor), actor, null),
    };
}
