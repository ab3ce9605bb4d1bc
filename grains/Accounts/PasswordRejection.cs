namespace Referral.Grains.Accounts;

/// <summary>Why <see cref="PasswordPolicy"/> refused a password: a stable code and a message for people.</summary>
public sealed record PasswordRejection(string Code, string Message)
{
    public const string TooShort = "too_short";
    public const string TooLong = "too_long";
    public const string Common = "common";
}
