using Xunit;

namespace Referral.Grains.Tests.Referrals;

/// <summary>The webhook grain tests share one fast-retry cluster.</summary>
[CollectionDefinition(Name)]
public sealed class WebhookCluster : ICollectionFixture<WebhookClusterFixture>
{
    public const string Name = "webhooks";
}
