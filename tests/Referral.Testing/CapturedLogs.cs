using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Referral.Testing;

/// <summary>
/// Every log line a server writes (message and exception), so tests can assert what must never
/// be logged: emails, passwords, tokens. Keeps the most recent lines only.
/// </summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private const int Capacity = 50_000;
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyCollection<string> Lines => _lines.ToArray();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private void Add(string line)
    {
        _lines.Enqueue(line);
        while (_lines.Count > Capacity && _lines.TryDequeue(out _))
        {
        }
    }

    private sealed class Logger(CapturedLogs sink, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            ArgumentNullException.ThrowIfNull(formatter);
            sink.Add($"{logLevel} {category}: {formatter(state, exception)} {exception}");
        }
    }
}
