using Referral.Grains.Accounts;

namespace Referral.Grains.Referrals;

/// <summary>
/// Names in referral state (friends, referrers, leaderboard rows) are personal data: they are
/// stored sealed with the personal-data protector, like the user grain's fields, and opened when
/// shown. Empty stays empty.
/// </summary>
public static class PersonalText
{
    public static string Seal(IPersonalDataProtector protector, string plaintext)
    {
        ArgumentNullException.ThrowIfNull(protector);
        return string.IsNullOrEmpty(plaintext) ? "" : protector.Protect(plaintext);
    }

    public static string Open(IPersonalDataProtector protector, string sealedText)
    {
        ArgumentNullException.ThrowIfNull(protector);
        return string.IsNullOrEmpty(sealedText) ? "" : protector.Unprotect(sealedText);
    }
}
