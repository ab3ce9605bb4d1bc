using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using Referral.Grains.Abstractions.Accounts;
using Referral.Grains.Accounts;

namespace Referral.Api.Infrastructure;

/// <summary>
/// One ProblemDetails per account error code from the grains; the grain's code becomes the
/// response's <c>code</c> unchanged, so clients see the same vocabulary as the contracts.
/// </summary>
public static class AccountProblems
{
    /// <param name="http">Receives Retry-After when the error is <c>locked_out</c>.</param>
    /// <param name="error">An <see cref="AccountErrors"/> code.</param>
    /// <param name="detail">The grain's detail: a field name, a policy code or seconds to wait.</param>
    /// <param name="passwordField">The request field the password policy applies to.</param>
    /// <param name="retryAfter">How long a locked-out caller waits, when the grain said.</param>
    public static ProblemHttpResult From(HttpContext http, string error, string? detail, string passwordField = "password", TimeSpan? retryAfter = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        return error switch
        {
            AccountErrors.EmailTaken => Problems.Status(StatusCodes.Status409Conflict, error, "That email is already registered."),
            AccountErrors.InvalidCredentials => Problems.Status(StatusCodes.Status401Unauthorized, error, "Email or password is wrong."),
            AccountErrors.LockedOut => LockedOut(http, retryAfter ?? Seconds(detail)),
            AccountErrors.PasswordPolicy => FieldProblem(error, passwordField, PasswordMessage(detail)),
            AccountErrors.InvalidProfile => FieldProblem(error, detail ?? "profile", ProfileMessage(detail)),
            AccountErrors.UserNotFound => Problems.Status(StatusCodes.Status404NotFound, error, "No such user."),
            AccountErrors.NotAGuest => Problems.Status(StatusCodes.Status409Conflict, error, "Only guest accounts can be upgraded."),
            AccountErrors.DeviceGuestsExhausted => Problems.Status(StatusCodes.Status409Conflict, error,
                "This device has had too many guest accounts (upgraded or deleted); sign in with an email account."),
            AccountErrors.InvalidRefreshToken => Problems.Status(StatusCodes.Status401Unauthorized, error, "The refresh token is not valid; sign in again."),
            AccountErrors.RefreshTokenReused => Problems.Status(StatusCodes.Status401Unauthorized, error,
                "This refresh token was already used, so the session was ended for safety; sign in again."),
            AccountErrors.RefreshTokenExpired => Problems.Status(StatusCodes.Status401Unauthorized, error, "The session has expired; sign in again."),
            AccountErrors.InvalidRole => FieldProblem(error, "roles", $"Unknown role '{detail}'. Known: {string.Join(", ", Roles.All)}."),
            _ => Problems.Status(StatusCodes.Status400BadRequest, error, "The request was refused."),
        };
    }

    /// <summary>429 with Retry-After in whole seconds (at least 1).</summary>
    public static ProblemHttpResult LockedOut(HttpContext http, TimeSpan? retryAfter) =>
        TooMany(http, retryAfter, AccountErrors.LockedOut, "Too many failed logins for this account; try again later.");

    public static ProblemHttpResult TooMany(HttpContext http, TimeSpan? retryAfter, string code, string title)
    {
        ArgumentNullException.ThrowIfNull(http);
        http.Response.Headers[HeaderNames.RetryAfter] = RateLimitRule.RetryAfterSeconds(retryAfter).ToString(CultureInfo.InvariantCulture);
        return Problems.Status(StatusCodes.Status429TooManyRequests, code, title);
    }

    private static ProblemHttpResult FieldProblem(string code, string field, string message) =>
        TypedResults.Problem(new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "One or more fields are invalid.",
            Extensions = { ["code"] = code },
        });

    private static TimeSpan? Seconds(string? detail) =>
        int.TryParse(detail, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) ? TimeSpan.FromSeconds(seconds) : null;

    private static string PasswordMessage(string? reason) => reason switch
    {
        PasswordRejection.TooShort => string.Create(CultureInfo.InvariantCulture, $"Use at least {PasswordPolicy.MinimumLength} characters."),
        PasswordRejection.TooLong => string.Create(CultureInfo.InvariantCulture, $"Use at most {PasswordPolicy.MaximumLength} characters."),
        PasswordRejection.Common => "This password is too common; choose one that is harder to guess.",
        _ => "The password does not meet the password policy.",
    };

    /// <summary>What the profile rules accept for <paramref name="field"/>, for people.</summary>
    public static string ProfileMessage(string? field) => field switch
    {
        ProfileRules.DisplayNameField => string.Create(CultureInfo.InvariantCulture,
            $"{ProfileRules.MinDisplayNameLength}-{ProfileRules.MaxDisplayNameLength} characters, without control or invisible characters."),
        ProfileRules.LocaleField => $"A supported language: {string.Join(", ", ProfileRules.SupportedLocales)}.",
        ProfileRules.ReferralCodeField => string.Create(CultureInfo.InvariantCulture, $"At most {ProfileRules.MaxReferralCodeLength} printable characters."),
        _ => "Not valid.",
    };
}
