using System.Globalization;
using System.Net.Mail;

namespace Referral.Api.Infrastructure;

/// <summary>
/// Shape checks on request fields before any grain is called; each failure is recorded under the
/// field's JSON name. The grains own the meaning (password policy, display name and locale
/// rules) and answer with their own codes; these checks only bound what reaches them.
/// </summary>
public static class InputRules
{
    /// <summary>RFC 5321's limit on a forward path.</summary>
    public const int MaxEmailLength = 254;

    /// <summary>The grain's policy allows 128 code points; this only stops megabytes reaching Argon2.</summary>
    public const int MaxPasswordLength = 1024;

    public const int MinDeviceIdLength = 16;

    public const int MaxDeviceIdLength = 128;

    /// <summary>Generous bound for free text the grains validate or trim themselves.</summary>
    public const int MaxTextLength = 256;

    public static void Email(Dictionary<string, string[]> errors, string field, string? value)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrWhiteSpace(value))
        {
            errors[field] = ["Required."];
        }
        else if (value.Length > MaxEmailLength
            || !MailAddress.TryCreate(value.Trim(), out var address)
            || !string.Equals(address.Address, value.Trim(), StringComparison.Ordinal))
        {
            errors[field] = [string.Create(CultureInfo.InvariantCulture, $"An email address like name@example.com, at most {MaxEmailLength} characters.")];
        }
    }

    public static void Password(Dictionary<string, string[]> errors, string field, string? value)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrEmpty(value))
        {
            errors[field] = ["Required."];
        }
        else if (value.Length > MaxPasswordLength)
        {
            errors[field] = [string.Create(CultureInfo.InvariantCulture, $"At most {MaxPasswordLength} characters.")];
        }
    }

    public static void RequiredText(Dictionary<string, string[]> errors, string field, string? value)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrWhiteSpace(value))
        {
            errors[field] = ["Required."];
        }
        else
        {
            OptionalText(errors, field, value);
        }
    }

    public static void OptionalText(Dictionary<string, string[]> errors, string field, string? value)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (value is not null && value.Length > MaxTextLength)
        {
            errors[field] = [string.Create(CultureInfo.InvariantCulture, $"At most {MaxTextLength} characters.")];
        }
    }

    /// <summary>A client-generated random id: 16–128 printable ASCII characters, no spaces.</summary>
    /// <summary>As <see cref="DeviceId"/> when the field is present; absent is fine.</summary>
    public static void OptionalDeviceId(Dictionary<string, string[]> errors, string field, string? value)
    {
        if (value is not null)
        {
            DeviceId(errors, field, value);
        }
    }

    public static void DeviceId(Dictionary<string, string[]> errors, string field, string? value)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrWhiteSpace(value))
        {
            errors[field] = ["Required."];
        }
        else if (value.Length is < MinDeviceIdLength or > MaxDeviceIdLength || !value.All(c => c is > ' ' and < (char)127))
        {
            errors[field] = [string.Create(CultureInfo.InvariantCulture,
                $"{MinDeviceIdLength}-{MaxDeviceIdLength} printable ASCII characters without spaces, generated randomly by the app once per install.")];
        }
    }
}
