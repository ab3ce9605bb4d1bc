namespace Referral.Silo.Hosting;

/// <summary>Connection to one event hub. Bound from <c>Streaming:EventHubs</c>.</summary>
public sealed class EventHubsSettings
{
    /// <summary>Namespace connection string (Endpoint=sb://…). Default: none (required).</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Event hub name. Default: none (required).</summary>
    public string? Hub { get; set; }

    /// <summary>Consumer group the silos read with. Default: $Default.</summary>
    public string ConsumerGroup { get; set; } = "$Default";
}
