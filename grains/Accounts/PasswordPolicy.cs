using System.Globalization;

namespace Referral.Grains.Accounts;

/// <summary>
/// OWASP ASVS 5.0 password rules: at least 8 characters, long passwords allowed (up to 128), no
/// composition rules, and nothing from the common-password list. Characters are Unicode code
/// points of the NFKC form (<see cref="PasswordText"/>).
/// </summary>
public sealed class PasswordPolicy(CommonPasswords common)
{
    public const int MinimumLength = 8;

    /// <summary>ASVS asks that at least 64 be allowed; 128 leaves room for passphrases.</summary>
    public const int MaximumLength = 128;

    // Cheap guard before normalising: no 128-code-point password needs more UTF-16 units than
    // this, even fully decomposed, and a megabyte of input should not reach NFKC.
    private const int MaximumInputUnits = MaximumLength * 8;

    private static readonly Lazy<PasswordPolicy> Shipped = new(() => new PasswordPolicy(CommonPasswords.Shipped));

    /// <summary>The policy with the shipped common-password list.</summary>
    public static PasswordPolicy Default => Shipped.Value;

    /// <returns>Null when the password is acceptable, otherwise why not.</returns>
    public PasswordRejection? Check(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        if (password.Length > MaximumInputUnits)
        {
            return TooLong();
        }

        var normalized = PasswordText.Normalize(password);
        var length = PasswordText.CodePoints(normalized);
        if (length < MinimumLength)
        {
            return new(PasswordRejection.TooShort, string.Create(CultureInfo.InvariantCulture, $"Use at least {MinimumLength} characters."));
        }

        if (length > MaximumLength)
        {
            return TooLong();
        }

        return common.Contains(normalized)
            ? new(PasswordRejection.Common, "This password is too common; choose one that is harder to guess.")
            : null;
    }

    private static PasswordRejection TooLong() =>
        new(PasswordRejection.TooLong, string.Create(CultureInfo.InvariantCulture, $"Use at most {MaximumLength} characters."));
}
