using Microsoft.Extensions.Logging;

namespace Referral.Silo.Hosting;

/// <summary>
/// Keeps a front door retrying until a silo's gateway answers instead of failing its host: in a
/// cluster, pods start in any order and an api that gave up would need a restart to recover.
/// </summary>
internal sealed partial class GatewayRetryFilter(ILogger<GatewayRetryFilter> logger) : IClientConnectionRetryFilter
{
    private int _attempt;

    public async Task<bool> ShouldRetryConnectionAttempt(Exception exception, CancellationToken cancellationToken)
    {
        var attempt = Interlocked.Increment(ref _attempt);
        LogRetry(logger, attempt, exception.Message);
        var delay = TimeSpan.FromSeconds(Math.Min(5, attempt));
        await Task.Delay(delay, cancellationToken);
        return !cancellationToken.IsCancellationRequested;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No silo gateway reachable yet (attempt {Attempt}): {Reason}. Retrying.")]
    private static partial void LogRetry(ILogger logger, int attempt, string reason);
}
