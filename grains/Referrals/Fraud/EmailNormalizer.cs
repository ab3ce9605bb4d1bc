using System.Globalization;

namespace Referral.Grains.Referrals.Fraud;

/// <summary>
/// Canonical mailboxes for fraud checks: two addresses that reach the same inbox compare equal,
/// so a referrer cannot refer themselves as <c>j.doe+1@gmail.com</c>. Only for comparison: the
/// account keeps the address the user typed, and sign-in never uses this form.
/// </summary>
/// <remarks>
/// Rules are per provider because most mail servers treat dots and <c>+tags</c> as part of the
/// mailbox name. Gmail ignores dots and everything after <c>+</c> (and googlemail.com is the same
/// service). Outlook.com (outlook, hotmail, live, msn), iCloud (icloud, me, mac), Proton
/// (proton.me, protonmail.com/.ch, pm.me) and Fastmail deliver <c>name+tag</c> to <c>name</c> but
/// keep dots significant. Every other domain is only trimmed and lower-cased.
/// </remarks>
public static class EmailNormalizer
{
    private const string Gmail = "gmail.com";

    private static readonly HashSet<string> PlusTagDomains = new(StringComparer.Ordinal)
    {
        "outlook.com", "hotmail.com", "live.com", "msn.com",
        "outlook.fr", "hotmail.fr", "live.fr", "hotmail.co.uk", "live.co.uk",
        "icloud.com", "me.com", "mac.com",
        "proton.me", "protonmail.com", "protonmail.ch", "pm.me",
        "fastmail.com", "fastmail.fm",
    };

    private static readonly IdnMapping Idn = new();

    /// <summary>
    /// The mailbox <paramref name="email"/> delivers to, lower case, e.g. <c>J.Doe+promo@GoogleMail.com</c>
    /// → <c>jdoe@gmail.com</c>. Text without an <c>@</c> (or with an empty side) comes back only
    /// trimmed and lower-cased, so it never equals a real mailbox by accident.
    /// </summary>
    public static string ForFraud(string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        var text = email.Trim().ToLowerInvariant();
        var at = text.LastIndexOf('@');
        if (at <= 0 || at == text.Length - 1)
        {
            return text;
        }

        var local = text[..at];
        var domain = CanonicalDomain(text[(at + 1)..]);
        if (domain == Gmail)
        {
            local = WithoutTag(local).Replace(".", "", StringComparison.Ordinal);
        }
        else if (PlusTagDomains.Contains(domain))
        {
            local = WithoutTag(local);
        }

        // "+only@gmail.com" would leave nothing: keep the original rather than invent "@gmail.com".
        return local.Length == 0 ? text : local + "@" + domain;
    }

    /// <summary>
    /// The canonical domain of <paramref name="email"/> (after its last <c>@</c>): lower case, ASCII
    /// (internationalised names in their <c>xn--</c> form), no trailing dot, googlemail.com as
    /// gmail.com. Empty when there is no <c>@</c> or nothing after it.
    /// </summary>
    public static string Domain(string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        var text = email.Trim();
        var at = text.LastIndexOf('@');
        return at < 0 || at == text.Length - 1 ? "" : CanonicalDomain(text[(at + 1)..]);
    }

    /// <summary>Lower case, ASCII form, no trailing dot; googlemail.com becomes gmail.com.</summary>
    internal static string CanonicalDomain(string domain)
    {
        var text = domain.Trim().TrimEnd('.').ToLowerInvariant();
        if (text.Any(c => c > 127))
        {
            try
            {
                text = Idn.GetAscii(text);
            }
            catch (ArgumentException)
            {
                // Not a valid internationalised name: compare it as typed (lower case).
            }
        }

        return text == "googlemail.com" ? Gmail : text;
    }

    private static string WithoutTag(string local)
    {
        var plus = local.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? local : local[..plus];
    }
}
