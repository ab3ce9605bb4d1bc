namespace Referral.Api.Tests.Auth;

/// <summary>Who makes a request in the authorization matrix.</summary>
public enum Actor
{
    Anonymous,

    /// <summary>A guest: role player only. Owns the resources the matrix targets.</summary>
    Player,

    /// <summary>Another guest, who must not reach the player's resources.</summary>
    OtherPlayer,

    /// <summary>An email account: roles player and host.</summary>
    Host,

    /// <summary>The configured admin: player, host and admin.</summary>
    Admin,
}
