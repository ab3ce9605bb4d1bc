using Referral.Grains.Abstractions.Accounts;

namespace Referral.Api.Auth;

/// <summary>
/// Authorization policy names. Every endpoint and hub method names one of these, or is explicitly
/// anonymous (health, OpenAPI, and the sign-in endpoints of <see cref="AuthApi"/>).
/// </summary>
public static class Policies
{
    /// <summary>Any signed-in user, guests included.</summary>
    public const string Player = Roles.Player;

    /// <summary>Users with the host role (email accounts).</summary>
    public const string Host = Roles.Host;

    /// <summary>
    /// Opening a hub connection: without a token (an anonymous connection, which can only sign
    /// in: HubAccessFilter), or with one that is valid. A connection that presents a token that
    /// is not valid is refused (401), so a client learns that it must refresh.
    /// </summary>
    public const string HubConnect = "hub-connect";

    /// <summary>Operators.</summary>
    public const string Admin = Roles.Admin;
}
