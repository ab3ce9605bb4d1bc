namespace Referral.Grains.Abstractions.Accounts;

/// <summary>Stable error codes of account operations; the api returns them as ProblemDetails <c>code</c>.</summary>
public static class AccountErrors
{
    public const string EmailTaken = "email_taken";
    public const string InvalidCredentials = "invalid_credentials";
    public const string LockedOut = "locked_out";
    public const string PasswordPolicy = "password_policy";
    public const string InvalidProfile = "invalid_profile";
    public const string UserNotFound = "user_not_found";
    public const string NotAGuest = "not_a_guest";
    public const string InvalidRefreshToken = "invalid_refresh_token";
    public const string RefreshTokenReused = "refresh_token_reused";
    public const string RefreshTokenExpired = "refresh_token_expired";
    public const string InvalidRole = "invalid_role";
    public const string DeviceGuestsExhausted = "device_guests_exhausted";
}
