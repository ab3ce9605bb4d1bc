using System.Globalization;

namespace Referral.LoadGen.Hosting;

/// <summary>
/// Reads a process's RSS and CPU time from /proc (Linux only): VmRSS and Threads from
/// /proc/&lt;pid&gt;/status, utime + stime from fields 14 and 15 of /proc/&lt;pid&gt;/stat in clock
/// ticks (100 a second on Linux). A background loop keeps the peak RSS between phase snapshots.
/// </summary>
public sealed class ProcSampler : IAsyncDisposable
{
    private const double TicksPerSecond = 100.0;
    private readonly int _pid;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private long _peakRssKb;

    public ProcSampler(int pid)
    {
        _pid = pid;
        _loop = Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(250));
            while (await timer.WaitForNextTickAsync(_stop.Token).AsTask().ContinueWith(t => !t.IsCanceled && t.Result, TaskScheduler.Default))
            {
                if (TryRead(_pid) is { } sample)
                {
                    InterlockedMax(ref _peakRssKb, sample.RssKb);
                }
            }
        });
    }

    public int Pid => _pid;

    public long PeakRssKb => Interlocked.Read(ref _peakRssKb);

    /// <summary>The process now, or a zero sample when it is gone or /proc is unreadable.</summary>
    public ProcessSample Sample() => TryRead(_pid) ?? default;

    public static ProcessSample? TryRead(int pid)
    {
        try
        {
            long rss = 0, threads = 0;
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    rss = long.Parse(line.AsSpan(6).Trim().TrimEnd("kB").Trim(), CultureInfo.InvariantCulture);
                }
                else if (line.StartsWith("Threads:", StringComparison.Ordinal))
                {
                    threads = long.Parse(line.AsSpan(8).Trim(), CultureInfo.InvariantCulture);
                }
            }

            // The command name (field 2) may hold spaces and parentheses: count fields after the last ')'.
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            return new ProcessSample(rss, ticks / TicksPerSecond, threads);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }

    private static void InterlockedMax(ref long target, long value)
    {
        var current = Interlocked.Read(ref target);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }
}
