using System.Threading.RateLimiting;

namespace Referral.Api.Infrastructure;

/// <summary>
/// The per-account login limit. The rate-limiting middleware runs before the body is read, so it
/// cannot see which account a login is for; the handler asks here once it knows the account key.
/// </summary>
public sealed class LoginThrottle : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    public LoginThrottle(RateLimitOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var rule = options.LoginPerAccount.ToFixedWindow();
        _limiter = PartitionedRateLimiter.Create<string, string>(accountKey => RateLimitPartition.GetFixedWindowLimiter(accountKey, _ => rule));
    }

    /// <summary>Counts one attempt for the account; false (with when to retry) when over the limit.</summary>
    public bool TryAcquire(string accountKey, out TimeSpan? retryAfter)
    {
        using var lease = _limiter.AttemptAcquire(accountKey);
        retryAfter = !lease.IsAcquired && lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : null;
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
