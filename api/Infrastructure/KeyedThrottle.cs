using System.Threading.RateLimiting;

namespace Referral.Api.Infrastructure;

/// <summary>
/// One fixed-window limit per key (an account, a client address), for limits a handler applies
/// itself because the rate-limiting middleware cannot see the key or the call (a login's account,
/// a guest sign-in over the hub).
/// </summary>
public sealed class KeyedThrottle(RateLimitRule rule) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(
        key => RateLimitPartition.GetFixedWindowLimiter(key, _ => rule.ToFixedWindow()));

    /// <summary>Counts one attempt for <paramref name="key"/>; false (with when to retry) when over the limit.</summary>
    public bool TryAcquire(string key, out TimeSpan? retryAfter)
    {
        using var lease = _limiter.AttemptAcquire(key);
        retryAfter = !lease.IsAcquired && lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : null;
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
