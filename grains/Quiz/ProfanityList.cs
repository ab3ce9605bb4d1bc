using System.Buffers;
using System.Text;

namespace Referral.Grains.Quiz;

/// <summary>
/// Words refused in nicknames, shipped as data (Data/profanity.txt, English and French). A
/// nickname is refused when one of its words is on the list, when its letters run together spell
/// a listed word, or when they contain a listed word of five letters or more; common digit and
/// symbol look-alikes (0→o, 1→i, 3→e, 4→a, 5→s, 7→t, @→a, $→s) are folded first. Short words are
/// only matched whole, so innocent names that merely contain them are not refused.
/// </summary>
public sealed class ProfanityList
{
    private const int SubstringMinimum = 5;
    private static readonly string[] Suffixes = ["ers", "er", "ed", "ing", "in", "s", "y", "head", "face"];
    private readonly HashSet<string> _words;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _wordSpans;

    // One pass over a nickname for all long words at once (SearchValues builds a multi-string
    // matcher), instead of one Contains per listed word on every join.
    private readonly SearchValues<string> _long;

    public ProfanityList(IEnumerable<string> words)
    {
        _words = words.Select(Fold).Where(w => w.Length > 0).ToHashSet(StringComparer.Ordinal);
        _wordSpans = _words.GetAlternateLookup<ReadOnlySpan<char>>();
        _long = SearchValues.Create([.. _words.Where(w => w.Length >= SubstringMinimum && !w.Contains(' ', StringComparison.Ordinal))], StringComparison.Ordinal);
    }

    /// <summary>The list shipped with the product.</summary>
    public static ProfanityList Shipped { get; } = Load();

    public int Count => _words.Count;

    public bool Contains(string nickname)
    {
        var folded = Fold(nickname);
        if (_words.Contains(folded))
        {
            return true;
        }

        var tokens = folded.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (tokens.Any(_words.Contains))
        {
            return true;
        }

        var joined = string.Concat(tokens);
        return _words.Contains(joined)
            || tokens.Append(joined).Any(IsInflectionOfListedWord)
            || joined.AsSpan().ContainsAny(_long);
    }

    /// <summary>"fuckers" or "shitface": a listed word with a common English ending or compound tail.</summary>
    private bool IsInflectionOfListedWord(string token)
    {
        foreach (var suffix in Suffixes)
        {
            if (token.Length > suffix.Length + 2 && token.EndsWith(suffix, StringComparison.Ordinal)
                && _wordSpans.Contains(token.AsSpan(0, token.Length - suffix.Length)))
            {
                return true;
            }
        }

        return false;
    }

    private static string Fold(string text)
    {
        var normalized = TextAnswers.Normalize(text);
        var builder = new StringBuilder(normalized.Length);
        foreach (var c in normalized)
        {
            builder.Append(c switch
            {
                '0' => 'o',
                '1' or '!' or '|' => 'i',
                '3' => 'e',
                '4' or '@' => 'a',
                '5' or '$' => 's',
                '7' => 't',
                _ when char.IsLetter(c) => c,
                _ => ' ',
            });
        }

        return string.Join(' ', builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    private static ProfanityList Load()
    {
        using var stream = typeof(ProfanityList).Assembly.GetManifestResourceStream("Referral.Grains.Quiz.Data.profanity.txt")
            ?? throw new InvalidOperationException("The embedded profanity list is missing from the build.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var words = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                words.Add(line);
            }
        }

        return new ProfanityList(words);
    }
}
