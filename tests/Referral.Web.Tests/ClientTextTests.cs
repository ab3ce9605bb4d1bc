using System.Text.Json;
using System.Text.RegularExpressions;
using Referral.Testing;
using Xunit;

namespace Referral.Web.Tests;

/// <summary>
/// The client's user-facing text lives in the translation files only (issue 8 Must 7): both
/// languages have the same keys and no empty text, every key the code names exists, and no page
/// writes text straight into its markup or into a labelling attribute.
/// </summary>
public sealed partial class ClientTextTests
{
    private static readonly string Source = Path.Combine(ServerProcess.RepositoryRoot(), "api", "web", "src");

    private static Dictionary<string, string> Catalog(string locale) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(Path.Combine(Source, "i18n", locale + ".json")))
        ?? throw new InvalidOperationException($"{locale}.json is empty");

    private static IEnumerable<(string File, string Text)> SourceFiles(params string[] extensions) =>
        Directory.EnumerateFiles(Source, "*", SearchOption.AllDirectories)
            .Where(f => extensions.Contains(Path.GetExtension(f), StringComparer.Ordinal))
            .Select(f => (Path.GetRelativePath(Source, f), File.ReadAllText(f)));

    [Fact]
    public void BothLanguagesHaveTheSameKeysAndNoEmptyText()
    {
        var en = Catalog("en");
        var fr = Catalog("fr");
        Assert.True(en.Count > 400, $"only {en.Count} English texts: is this the right file?");
        Assert.Empty(en.Keys.Except(fr.Keys));
        Assert.Empty(fr.Keys.Except(en.Keys));
        Assert.Empty(en.Where(e => string.IsNullOrWhiteSpace(e.Value)).Select(e => "en " + e.Key)
            .Concat(fr.Where(e => string.IsNullOrWhiteSpace(e.Value)).Select(e => "fr " + e.Key)));

        // A French catalogue that is mostly English copies was not translated.
        var same = en.Count(e => fr[e.Key] == e.Value);
        Assert.True(same < en.Count / 10, $"{same} of {en.Count} French texts equal the English ones");
    }

    [Fact]
    public void EveryKeyTheCodeNamesExists()
    {
        var en = Catalog("en");
        var used = SourceFiles(".ts", ".tsx")
            .SelectMany(f => TranslateCall().Matches(f.Text).Select(m => (f.File, Key: m.Groups["key"].Value)))
            .ToList();
        Assert.True(used.Count > 300, $"only {used.Count} t(\"…\") calls found: has the pattern changed?");
        Assert.Empty(used.Where(u => !en.ContainsKey(u.Key)).Select(u => $"{u.File}: {u.Key}"));
    }

    [Fact]
    public void NoPageWritesTextIntoItsMarkup()
    {
        var files = SourceFiles(".tsx").ToList();
        Assert.True(files.Count > 20, $"only {files.Count} .tsx files under {Source}");
        var found = files
            .SelectMany(f => JsxText().Matches(f.Text).Concat(LiteralLabel().Matches(f.Text)).Select(m => $"{f.File}: {m.Value.Trim()}"))
            .ToList();
        Assert.Empty(found);
    }

    [Fact]
    public void TheChecksRecogniseHardCodedText()
    {
        // The patterns above must catch what they are for, or the tests prove nothing.
        Assert.Matches(JsxText(), "<h1>Invite friends</h1>");
        Assert.Matches(JsxText(), "<button type=\"button\">Spin</button>");
        Assert.Matches(LiteralLabel(), "<input aria-label=\"Search campaigns\" />");
        Assert.Matches(LiteralLabel(), "<img alt=\"Wheel\" />");
        Assert.DoesNotMatch(JsxText(), "<h1>{t(\"invite.title\")}</h1>");
        Assert.DoesNotMatch(LiteralLabel(), "<input aria-label={t(\"admin.search\")} />");
        Assert.Equal("invite.title", TranslateCall().Match("t(\"invite.title\", { n: 1 })").Groups["key"].Value);
    }

    [GeneratedRegex("""\bt\("(?<key>[A-Za-z0-9_.]+)"[,)]""")]
    private static partial Regex TranslateCall();

    // Text between an element's tags (at least two letters, no expression): <h1>Hello</h1>.
    [GeneratedRegex("""<[a-z][a-z0-9]*(\s[^<>]*)?>[^<>{}]*\p{L}{2,}[^<>{}]*</[a-z]""")]
    private static partial Regex JsxText();

    // A labelling attribute given a literal text rather than a translation.
    [GeneratedRegex(""""\s(aria-label|placeholder|title|alt|label)="[^"]*\p{L}{2,}[^"]*"""")]
    private static partial Regex LiteralLabel();
}
