using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace Referral.Grains.Accounts;

/// <summary>
/// What a display name, locale, referral code and device label may be. Failures name the field
/// (<see cref="DisplayNameField"/>, ...) as the <c>invalid_profile</c> detail.
/// </summary>
public static class ProfileRules
{
    public const string DisplayNameField = "displayName";
    public const string LocaleField = "locale";
    public const string ReferralCodeField = "referralCode";

    /// <summary>Display names are 2 to 40 user-perceived characters (grapheme clusters).</summary>
    public const int MinDisplayNameLength = 2;

    public const int MaxDisplayNameLength = 40;

    public const int MaxReferralCodeLength = 64;

    public const int MaxDeviceLabelLength = 100;

    /// <summary>What a deleted user's display name becomes.</summary>
    public const string DeletedDisplayName = "deleted-user";

    /// <summary>The languages the product is translated into.</summary>
    public static IReadOnlyList<string> SupportedLocales { get; } = ["en", "fr"];

    /// <summary>Trimmed, NFC, 2–40 grapheme clusters, with no control, format (zero-width, bidi) or unassigned characters.</summary>
    public static bool TryDisplayName(string? input, [NotNullWhen(true)] out string? displayName)
    {
        displayName = Clean(input);
        if (displayName is null)
        {
            return false;
        }

        var length = new StringInfo(displayName).LengthInTextElements;
        if (length is < MinDisplayNameLength or > MaxDisplayNameLength)
        {
            displayName = null;
            return false;
        }

        return true;
    }

    /// <summary>
    /// A BCP 47 tag reduced to its language: "fr-CA", "FR" and "fr_CA" all become "fr". Only
    /// supported languages pass; there is no silent fallback, so a client bug shows.
    /// </summary>
    public static bool TryLocale(string? input, [NotNullWhen(true)] out string? locale)
    {
        locale = null;
        if (string.IsNullOrWhiteSpace(input) || input.Length > 35)
        {
            return false;
        }

        var language = input.Trim().Split('-', '_')[0].ToLowerInvariant();
        if (!SupportedLocales.Contains(language, StringComparer.Ordinal))
        {
            return false;
        }

        locale = language;
        return true;
    }

    /// <summary>Null or blank means none (and passes); otherwise trimmed, at most 64 characters, printable.</summary>
    public static bool TryReferralCode(string? input, out string? referralCode)
    {
        referralCode = null;
        if (string.IsNullOrWhiteSpace(input))
        {
            return true;
        }

        var cleaned = Clean(input);
        if (cleaned is null || cleaned.Length > MaxReferralCodeLength)
        {
            return false;
        }

        referralCode = cleaned;
        return true;
    }

    /// <summary>A device label as shown in the sessions list: never refused, but cleaned and cut to 100 characters.</summary>
    public static string? DeviceLabel(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return null;
        }

        var builder = new StringBuilder(Math.Min(input.Length, MaxDeviceLabelLength));
        foreach (var rune in input.EnumerateRunes())
        {
            if (builder.Length + rune.Utf16SequenceLength > MaxDeviceLabelLength)
            {
                break;
            }

            if (!IsForbidden(rune))
            {
                builder.Append(rune.ToString());
            }
        }

        var label = builder.ToString().Trim();
        return label.Length == 0 ? null : label;
    }

    /// <summary>Trimmed NFC text, or null when it is blank, not valid UTF-16 or holds a forbidden character.</summary>
    private static string? Clean(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return null;
        }

        string text;
        try
        {
            text = input.Trim().Normalize(NormalizationForm.FormC);
        }
        catch (ArgumentException)
        {
            // Not valid Unicode (some platforms refuse lone surrogates here, others let them through to the check below).
            return null;
        }

        foreach (var rune in text.EnumerateRunes())
        {
            if (IsForbidden(rune))
            {
                return null;
            }
        }

        return text;
    }

    // Controls, format characters (zero-width space/joiners, bidi overrides, BOM), private use,
    // unassigned code points and line/paragraph separators: invisible or layout-changing
    // characters that let one name impersonate another. U+FFFD is what EnumerateRunes yields for
    // a lone surrogate, i.e. text that is not valid UTF-16.
    private static bool IsForbidden(Rune rune) => rune == Rune.ReplacementChar || Rune.GetUnicodeCategory(rune) is
        UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate or
        UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned or
        UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;
}
