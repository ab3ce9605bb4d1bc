using System.Globalization;

namespace Referral.Grains.Referrals.Webhooks;

/// <summary>
/// Delivery of operator webhooks, bound from the <c>Webhooks</c> section by the silo host and
/// validated at start-up. An unbound host gets these defaults.
/// </summary>
public sealed class WebhookOptions
{
    public const string Section = "Webhooks";

    /// <summary>Attempts per event, the first included, before it is logged as failed. Default: 8.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>Wait before the second attempt; each later one waits twice as long, with jitter. Default: 30 s.</summary>
    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest wait between two attempts. Default: 1 hour.</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long one attempt may take, connection included, before it counts as failed. Default: 10 s.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Events waiting per campaign; beyond it the oldest is dropped (logged as failed). Default: 500.</summary>
    public int MaxQueueLength { get; set; } = 500;

    /// <summary>Delivery-log lines kept per campaign, the newest. Default: 500.</summary>
    public int MaxLogEntries { get; set; } = 500;

    /// <summary>Event ids remembered per campaign to drop repeated enqueues. Default: 2000.</summary>
    public int MaxRememberedEvents { get; set; } = 2000;

    /// <summary>
    /// Period of the reminder kept while events wait: after a crash, the most a queue waits for a
    /// fresh activation. Below Orleans' 1-minute reminder minimum, the minimum is lowered to it.
    /// Default: 1 minute.
    /// </summary>
    public TimeSpan ReminderPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Every problem with the settings, each naming the setting; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (MaxAttempts is < 1 or > 100)
        {
            errors.Add(Invariant($"{Section}:{nameof(MaxAttempts)} must be between 1 and 100, not {MaxAttempts}."));
        }

        if (InitialBackoff <= TimeSpan.Zero)
        {
            errors.Add(Invariant($"{Section}:{nameof(InitialBackoff)} must be positive, not {InitialBackoff}."));
        }

        if (MaxBackoff < InitialBackoff)
        {
            errors.Add(Invariant($"{Section}:{nameof(MaxBackoff)} must be at least {nameof(InitialBackoff)} ({InitialBackoff}), not {MaxBackoff}."));
        }

        if (Timeout <= TimeSpan.Zero || Timeout > TimeSpan.FromMinutes(5))
        {
            errors.Add(Invariant($"{Section}:{nameof(Timeout)} must be positive and at most 5 minutes, not {Timeout}."));
        }

        if (MaxQueueLength < 1)
        {
            errors.Add(Invariant($"{Section}:{nameof(MaxQueueLength)} must be at least 1, not {MaxQueueLength}."));
        }

        if (MaxLogEntries < 1)
        {
            errors.Add(Invariant($"{Section}:{nameof(MaxLogEntries)} must be at least 1, not {MaxLogEntries}."));
        }

        if (MaxRememberedEvents < MaxQueueLength)
        {
            errors.Add(Invariant($"{Section}:{nameof(MaxRememberedEvents)} must be at least {nameof(MaxQueueLength)} ({MaxQueueLength}), not {MaxRememberedEvents}."));
        }

        if (ReminderPeriod < TimeSpan.FromSeconds(1))
        {
            errors.Add(Invariant($"{Section}:{nameof(ReminderPeriod)} must be at least 1 second, not {ReminderPeriod}."));
        }

        return errors;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
