namespace Referral.Silo.Hosting;

/// <summary>The transport behind the <c>Referral</c> stream provider.</summary>
public enum StreamingProvider
{
    /// <summary>Orleans memory streams: not durable; dev, tests, one data centre.</summary>
    Memory,

    /// <summary>Azure Event Hubs (checkpoints kept in grain storage).</summary>
    EventHubs,
}
