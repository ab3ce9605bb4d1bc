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

    /// <summary>Operators.</summary>
    public const string Admin = Roles.Admin;
}
