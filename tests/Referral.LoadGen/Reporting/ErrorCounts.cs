using System.Collections.Concurrent;

namespace Referral.LoadGen.Reporting;

/// <summary>Failures by kind (e.g. <c>answer_too_late</c>, <c>http_429</c>, <c>connect_timeout</c>), with one example message each.</summary>
public sealed class ErrorCounts
{
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _examples = new(StringComparer.Ordinal);

    public void Add(string kind, string? example = null)
    {
        _counts.AddOrUpdate(kind, 1, (_, n) => n + 1);
        if (example is not null)
        {
            _examples.TryAdd(kind, example.Length > 300 ? example[..300] : example);
        }
    }

    public int Total => _counts.Values.Sum();

    public SortedDictionary<string, int> Counts => new(_counts, StringComparer.Ordinal);

    public SortedDictionary<string, string> Examples => new(_examples, StringComparer.Ordinal);
}
