using System.Globalization;
using System.Text;

namespace Referral.Grains.Quiz;

/// <summary>
/// Compares typed answers the way a quiz host means them: case, accents, surrounding and repeated
/// spaces and the common ligatures do not matter ("Éléphant " equals "elephant").
/// </summary>
public static class TextAnswers
{
    public static string Normalize(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormKD);
        var builder = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark
                or UnicodeCategory.Format or UnicodeCategory.Control)
            {
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            switch (char.ToLowerInvariant(c))
            {
                case 'œ': builder.Append("oe"); break;
                case 'æ': builder.Append("ae"); break;
                case 'ß': builder.Append("ss"); break;
                case var lower: builder.Append(lower); break;
            }
        }

        return builder.ToString();
    }

    public static bool Matches(string reply, IEnumerable<string> accepted)
    {
        var normalized = Normalize(reply);
        return normalized.Length > 0 && accepted.Any(a => string.Equals(Normalize(a), normalized, StringComparison.Ordinal));
    }
}
