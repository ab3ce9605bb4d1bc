using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Metadata;
using Orleans.Runtime;
using Referral.Grains.Abstractions.Accounts;
using Referral.Silo.Hosting;
using Referral.Testing;
using Xunit;

namespace Referral.Api.Tests.Foundation;

/// <summary>
/// The interface-type cache answers first and gives exactly the ids Orleans itself would: by
/// convention for our interfaces, from the attribute where one is declared.
/// </summary>
public sealed class GrainInterfaceTypeCacheTests(ReferralApiFactory api) : IClassFixture<ReferralApiFactory>
{
    [Fact]
    public void TheCacheIsAskedFirstAndKeepsOrleansIds()
    {
        var providers = api.Services.GetServices<IGrainInterfaceTypeProvider>().ToList();
        Assert.IsType<GrainInterfaceTypeCache>(providers[0]);
        Assert.Single(providers, p => p is GrainInterfaceTypeCache);

        var resolver = api.Services.GetRequiredService<GrainInterfaceTypeResolver>();
        var interfaces = typeof(IUserGrain).Assembly.GetTypes()
            .Where(t => t.IsInterface && typeof(IAddressable).IsAssignableFrom(t) && !t.IsGenericType)
            .ToList();
        Assert.True(interfaces.Count >= 10, $"only {interfaces.Count} grain interfaces found");
        foreach (var type in interfaces)
        {
            var byConvention = resolver.GetGrainInterfaceTypeByConvention(type);
            Assert.Equal(byConvention, resolver.GetGrainInterfaceType(type));
            Assert.Equal(byConvention, resolver.GetGrainInterfaceType(type)); // answered from the cache
        }

        // An interface that names its id keeps it, first call and cached.
        Assert.Equal("referral-test-named", resolver.GetGrainInterfaceType(typeof(INamedTestGrain)).ToString());
        Assert.Equal("referral-test-named", resolver.GetGrainInterfaceType(typeof(INamedTestGrain)).ToString());
    }

    [Fact]
    public async Task GrainCallsWorkThroughCachedIds()
    {
        var grains = api.Services.GetRequiredService<IGrainFactory>();
        var id = Guid.NewGuid();
        for (var i = 0; i < 3; i++)
        {
            // A fresh reference each time: each one resolves the interface type again.
            Assert.Null(await grains.GetGrain<IUserGrain>(id).Find());
        }
    }

    [GrainInterfaceType("referral-test-named")]
    internal interface INamedTestGrain : IGrainWithGuidKey;
}
