namespace Referral.Grains.Referrals.Webhooks;

/// <summary>
/// The wait after a failed attempt: <c>InitialBackoff × 2^(n-1)</c>, capped at <c>MaxBackoff</c>,
/// then scaled by a random factor in [0.5, 1) so receivers coming back up are not hit by every
/// campaign's retries at the same instant.
/// </summary>
public static class WebhookBackoff
{
    /// <param name="failedAttempts">Attempts made so far, all failed (1 after the first).</param>
    /// <param name="jitter">A uniform sample in [0, 1).</param>
    public static TimeSpan After(int failedAttempts, TimeSpan initial, TimeSpan max, double jitter)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(failedAttempts, 1);
        // 2^30 × any sane initial backoff is past every cap; stop doubling before it overflows.
        var exponent = Math.Min(failedAttempts - 1, 30);
        var ticks = Math.Min((double)initial.Ticks * Math.Pow(2, exponent), max.Ticks);
        return TimeSpan.FromTicks((long)(ticks * (0.5 + (0.5 * Math.Clamp(jitter, 0, 1)))));
    }
}
