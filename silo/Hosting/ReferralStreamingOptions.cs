namespace Referral.Silo.Hosting;

/// <summary>Which stream transport to use. Bound from the <c>Streaming</c> section.</summary>
public sealed class ReferralStreamingOptions
{
    public const string Section = "Streaming";

    /// <summary>Memory or EventHubs. Default: Memory.</summary>
    public StreamingProvider Provider { get; set; } = StreamingProvider.Memory;

    /// <summary>Event Hubs settings, read when <see cref="Provider"/> is EventHubs.</summary>
    public EventHubsSettings EventHubs { get; set; } = new();

    /// <summary>Every problem with the settings, each naming the setting; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Provider != StreamingProvider.EventHubs)
        {
            return errors;
        }

        if (string.IsNullOrWhiteSpace(EventHubs.ConnectionString))
        {
            errors.Add("Streaming:EventHubs:ConnectionString is required when Streaming:Provider is EventHubs.");
        }

        if (string.IsNullOrWhiteSpace(EventHubs.Hub))
        {
            errors.Add("Streaming:EventHubs:Hub is required when Streaming:Provider is EventHubs.");
        }

        if (string.IsNullOrWhiteSpace(EventHubs.ConsumerGroup))
        {
            errors.Add("Streaming:EventHubs:ConsumerGroup must not be empty when Streaming:Provider is EventHubs.");
        }

        return errors;
    }
}
