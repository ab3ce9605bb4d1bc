using System.Globalization;
using System.Text;

namespace Referral.Grains.Quiz;

/// <summary>
/// Cleans what a player typed as a nickname: trimmed, NFC-normalised, without zero-width and
/// control characters, inner runs of spaces collapsed, 2–20 characters (user-perceived
/// characters, so an emoji counts once), not profane. <see cref="UniquenessKey"/> compares
/// nicknames ignoring case for the one-per-room rule.
/// </summary>
public static class Nicknames
{
    public const int MinLength = 2;
    public const int MaxLength = 20;
    public const string LengthError = "nickname_length";
    public const string ProfaneError = "nickname_profane";

    public static NicknameResult Clean(string? raw, ProfanityList profanity)
    {
        var cleaned = Strip(raw ?? string.Empty);
        var length = new StringInfo(cleaned).LengthInTextElements;
        if (length is < MinLength or > MaxLength)
        {
            return new NicknameResult(null, LengthError, $"A nickname has {MinLength} to {MaxLength} characters.");
        }

        if (profanity.Contains(cleaned))
        {
            return new NicknameResult(null, ProfaneError, "Choose another nickname.");
        }

        return new NicknameResult(cleaned, null, null);
    }

    /// <summary>The key under which a room keeps nicknames unique, ignoring case.</summary>
    public static string UniquenessKey(string nickname) => nickname.ToUpperInvariant();

    private static string Strip(string raw)
    {
        var normalized = raw.Normalize(NormalizationForm.FormC);
        var builder = new StringBuilder(normalized.Length);
        var pendingSpace = false;
        foreach (var rune in normalized.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            // Format (Cf) covers zero-width spaces and joiners, bidi controls and the BOM.
            if (category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate
                or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned)
            {
                continue;
            }

            if (Rune.IsWhiteSpace(rune))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(rune.ToString());
        }

        return builder.ToString();
    }
}
