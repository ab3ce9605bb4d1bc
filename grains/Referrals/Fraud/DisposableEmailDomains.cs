using System.Text;

namespace Referral.Grains.Referrals.Fraud;

/// <summary>
/// Throwaway-mailbox domains, shipped as data (<c>Data/disposable-domains.txt</c>, CC0; source in
/// its header and docs/fraud-data.md). A fraud signal, not a block: a listed domain raises a
/// referral's score. Subdomains of a listed domain match too (<c>x.mailinator.com</c>), because
/// such services hand out any subdomain.
/// </summary>
public static class DisposableEmailDomains
{
    private const string ResourceName = "Referral.Grains.Referrals.Fraud.Data.disposable-domains.txt";

    private static readonly Lazy<HashSet<string>> Domains = new(Load);

    /// <summary>Domains on the shipped list.</summary>
    public static int Count => Domains.Value.Count;

    /// <summary>
    /// Whether <paramref name="emailOrDomain"/> (an address, taken after its last <c>@</c>, or a bare
    /// domain) is a listed domain or a subdomain of one. Case, surrounding space and a trailing dot
    /// do not matter; internationalised names are compared in their ASCII form.
    /// </summary>
    public static bool IsDisposable(string emailOrDomain)
    {
        ArgumentNullException.ThrowIfNull(emailOrDomain);
        var at = emailOrDomain.LastIndexOf('@');
        var domain = EmailNormalizer.CanonicalDomain(at < 0 ? emailOrDomain : emailOrDomain[(at + 1)..]);
        var set = Domains.Value;

        // Walk up the labels: a.b.example.com, b.example.com, example.com (never the bare TLD).
        for (var candidate = domain; candidate.Contains('.', StringComparison.Ordinal); candidate = candidate[(candidate.IndexOf('.', StringComparison.Ordinal) + 1)..])
        {
            if (set.Contains(candidate))
            {
                return true;
            }
        }

        return false;
    }

    private static HashSet<string> Load()
    {
        using var stream = typeof(DisposableEmailDomains).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from the build.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var domains = new HashSet<string>(capacity: 9_000, StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            var entry = line.Trim();
            if (entry.Length > 0 && !entry.StartsWith('#'))
            {
                domains.Add(entry.ToLowerInvariant());
            }
        }

        return domains;
    }
}
