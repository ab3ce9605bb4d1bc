namespace Referral.Api.Infrastructure;

/// <summary>Names of the rate-limiting policies endpoints opt into.</summary>
public static class RateLimitPolicies
{
    public const string Login = "login";
    public const string Register = "register";
    public const string Refresh = "refresh";

    /// <summary>Per signed-in user, for endpoints that hash a password.</summary>
    public const string Credentials = "credentials";

    /// <summary>Per signed-in user (per IP when anonymous).</summary>
    public const string Authenticated = "authenticated";
}
