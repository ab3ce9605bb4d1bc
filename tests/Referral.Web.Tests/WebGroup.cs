using Xunit;

namespace Referral.Web.Tests;

/// <summary>All browser tests share one api and one Chromium (starting them dominates the run time).</summary>
[CollectionDefinition(Name)]
public sealed class WebGroup : ICollectionFixture<WebFixture>
{
    public const string Name = "web";
}
