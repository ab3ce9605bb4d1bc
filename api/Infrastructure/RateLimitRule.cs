using System.Globalization;
using System.Threading.RateLimiting;

namespace Referral.Api.Infrastructure;

/// <summary>At most <see cref="PermitLimit"/> requests per <see cref="Window"/> for one partition (a client IP, an account, a user).</summary>
public sealed class RateLimitRule
{
    public int PermitLimit { get; set; }

    public TimeSpan Window { get; set; }

    public static RateLimitRule Of(int permitLimit, TimeSpan window) => new() { PermitLimit = permitLimit, Window = window };

    /// <summary>No queueing: a caller over the limit is told to come back, not held on a connection.</summary>
    public FixedWindowRateLimiterOptions ToFixedWindow() => new()
    {
        PermitLimit = PermitLimit,
        Window = Window,
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    /// <summary>Retry-After in whole seconds: at least 1, one minute when the limiter did not say.</summary>
    public static int RetryAfterSeconds(TimeSpan? wait) => (int)Math.Max(1, Math.Ceiling((wait ?? TimeSpan.FromMinutes(1)).TotalSeconds));

    public void Validate(string name, List<string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (PermitLimit < 1)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"RateLimits:{name}:PermitLimit must be at least 1, not {PermitLimit}."));
        }

        if (Window <= TimeSpan.Zero)
        {
            errors.Add($"RateLimits:{name}:Window must be positive, not {Window}.");
        }
    }
}
