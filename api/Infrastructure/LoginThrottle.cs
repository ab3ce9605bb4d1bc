namespace Referral.Api.Infrastructure;

/// <summary>
/// The per-account login limit. The rate-limiting middleware runs before the body is read, so it
/// cannot see which account a login is for; the handler asks here once it knows the account key.
/// </summary>
public sealed class LoginThrottle(RateLimitOptions options) : IDisposable
{
    private readonly KeyedThrottle _perAccount = new((options ?? throw new ArgumentNullException(nameof(options))).LoginPerAccount);

    /// <summary>Counts one attempt for the account; false (with when to retry) when over the limit.</summary>
    public bool TryAcquire(string accountKey, out TimeSpan? retryAfter) => _perAccount.TryAcquire(accountKey, out retryAfter);

    public void Dispose() => _perAccount.Dispose();
}
