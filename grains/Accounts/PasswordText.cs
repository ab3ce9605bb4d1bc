using System.Text;

namespace Referral.Grains.Accounts;

/// <summary>
/// How a password is read before it is counted, compared or hashed: Unicode NFKC (NIST SP 800-63B
/// 5.1.1.2), so the same password typed on keyboards that compose accents differently is the same
/// password, and lengths count code points, not UTF-16 units.
/// </summary>
public static class PasswordText
{
    /// <summary>NFKC form; text with lone surrogates (not valid Unicode) is used as it is.</summary>
    public static string Normalize(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        try
        {
            return password.Normalize(NormalizationForm.FormKC);
        }
        catch (ArgumentException)
        {
            // Lone surrogates cannot be normalised; UTF-8 encoding later replaces them with U+FFFD
            // the same way every time, so hashing stays deterministic.
            return password;
        }
    }

    /// <summary>The number of Unicode code points (a lone surrogate counts as one).</summary>
    public static int CodePoints(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var count = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }

            count++;
        }

        return count;
    }
}
