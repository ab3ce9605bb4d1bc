using System.Security.Cryptography;

namespace Referral.Grains.Referrals;

/// <summary>
/// Personal referral codes: 8 characters from a 30-symbol alphabet without look-alikes (no 0/O,
/// 1/I/L, U), drawn from a CSPRNG: 30^8 ≈ 6.6 × 10^11 codes (39 bits), so guessing a live one
/// by trying links is hopeless behind the click rate limit. Input is read case-insensitively.
/// </summary>
public static class ReferralCodes
{
    public const string Alphabet = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
    public const int Length = 8;

    public static string New() => RandomNumberGenerator.GetString(Alphabet, Length);

    /// <summary>Upper-cases and checks a typed code; null when it cannot be a code.</summary>
    public static string? Normalize(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return null;
        }

        var code = input.Trim().ToUpperInvariant();
        return code.Length == Length && code.All(c => Alphabet.Contains(c, StringComparison.Ordinal)) ? code : null;
    }
}
