namespace Referral.Grains.Abstractions.Accounts;

/// <summary>Role names carried in access tokens and checked by authorization policies.</summary>
public static class Roles
{
    /// <summary>Everyone signed in, guests included: play, spin, invite.</summary>
    public const string Player = "player";

    /// <summary>Email accounts: write quizzes and host rooms.</summary>
    public const string Host = "host";

    /// <summary>Operators: campaigns, wheels, fraud review, user roles.</summary>
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All = [Player, Host, Admin];
}
