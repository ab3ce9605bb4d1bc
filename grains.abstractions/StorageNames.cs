namespace Referral.Grains.Abstractions;

/// <summary>Names of the grain storage and stream providers every silo registers.</summary>
public static class StorageNames
{
    /// <summary>Grain state of the product's grains.</summary>
    public const string Default = "Default";

    /// <summary>Stream subscriptions (the pub-sub rendezvous grains).</summary>
    public const string PubSub = "PubSubStore";

    /// <summary>The stream provider every grain and client publishes and subscribes with.</summary>
    public const string StreamProvider = "Referral";
}
