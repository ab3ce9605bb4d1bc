using System.Reflection;

namespace Referral.Grains.Accounts;

/// <summary>
/// The common-password list shipped as data (<c>Data/common-passwords.txt</c>, see
/// docs/accounts-data.md for its source): lower-cased entries, compared lower-cased.
/// </summary>
public sealed class CommonPasswords
{
    private const string ResourceName = "Referral.Grains.Accounts.Data.common-passwords.txt";

    private static readonly Lazy<CommonPasswords> Embedded = new(Load);

    private readonly HashSet<string> _entries;

    public CommonPasswords(IEnumerable<string> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        _entries = new HashSet<string>(entries.Select(e => e.ToLowerInvariant()), StringComparer.Ordinal);
    }

    /// <summary>The list embedded in this assembly, loaded once.</summary>
    public static CommonPasswords Shipped => Embedded.Value;

    public int Count => _entries.Count;

    /// <summary>Whether the (already normalised) password is on the list, ignoring case.</summary>
    public bool Contains(string password) => _entries.Contains(password.ToLowerInvariant());

    private static CommonPasswords Load()
    {
        using var stream = typeof(CommonPasswords).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from {Assembly.GetExecutingAssembly().GetName().Name}.");
        using var reader = new StreamReader(stream);
        var entries = new List<string>(capacity: 20_000);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                entries.Add(line);
            }
        }

        return new CommonPasswords(entries);
    }
}
