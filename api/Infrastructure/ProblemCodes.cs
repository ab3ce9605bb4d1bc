namespace Referral.Api.Infrastructure;

/// <summary>
/// Stable machine-readable error codes carried in every ProblemDetails as <c>code</c>: clients
/// branch on these, never on human-readable titles, which may be translated or reworded. Account
/// errors from the grains (<c>email_taken</c>, <c>invalid_credentials</c>, …) pass through as they are.
/// </summary>
public static class ProblemCodes
{
    public const string ValidationFailed = "validation_failed";
    public const string BadRequest = "bad_request";
    public const string Unauthorized = "unauthorized";
    public const string Forbidden = "forbidden";
    public const string NotFound = "not_found";
    public const string Conflict = "conflict";
    public const string RateLimited = "rate_limited";
    public const string ServerError = "server_error";
    public const string Unavailable = "unavailable";

    /// <summary>A browser page from an origin not in <c>Auth:AllowedOrigins</c> tried to open the hub.</summary>
    public const string OriginNotAllowed = "origin_not_allowed";

    /// <summary>A guest asked to change a password it does not have (upgrade first).</summary>
    public const string NoPassword = "no_password";

    /// <summary>An admin tried to remove their own admin role (which could leave nobody able to manage roles).</summary>
    public const string CannotDemoteSelf = "cannot_demote_self";

    public static string FromStatus(int? status) => status switch
    {
        400 => BadRequest,
        401 => Unauthorized,
        403 => Forbidden,
        404 => NotFound,
        409 => Conflict,
        429 => RateLimited,
        503 => Unavailable,
        _ => status is >= 500 ? ServerError : "error",
    };
}
