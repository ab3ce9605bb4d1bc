using System.Reflection;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Referral.Api.Hubs;
using Referral.Api.Operations;
using Referral.Api.Referrals;
using Referral.Api.Rooms;
using Referral.Api.Wheel;
using Referral.Testing;
using Xunit;

namespace Referral.Api.Tests.Foundation;

/// <summary>
/// The game hub's filters: the access check first, then each feature's, every one the process's
/// single instance (a filter registered by type is wrapped in a layer that resolves it on every
/// hub call). That each one works is tested with its feature.
/// </summary>
public sealed class HubFilterTests(ReferralApiFactory api) : IClassFixture<ReferralApiFactory>
{
    [Fact]
    public void TheGameHubRunsTheAccessCheckFirstThenOneInstanceOfEachFeaturesFilter()
    {
        // SignalR keeps the list internal; read it as the hub's connection handler does.
        var options = api.Services.GetRequiredService<IOptions<HubOptions<GameHub>>>().Value;
        var property = typeof(HubOptions).GetProperty("HubFilters", BindingFlags.Instance | BindingFlags.NonPublic);
        Assert.NotNull(property);
        var filters = Assert.IsType<List<IHubFilter>>(property.GetValue(options));
        Assert.IsType<HubAccessFilter>(filters[0]);
        Assert.Equal(
            new[] { nameof(ConnectionCountFilter), nameof(ReferralDisconnectFilter), nameof(RoomDisconnectFilter), nameof(WheelDisconnectFilter) },
            filters.Skip(1).Select(f => f.GetType().Name).Order(StringComparer.Ordinal));
        Assert.Same(api.Services.GetRequiredService<HubAccessFilter>(), filters[0]);
        Assert.Same(api.Services.GetRequiredService<RoomDisconnectFilter>(), filters.OfType<RoomDisconnectFilter>().Single());
        Assert.Same(api.Services.GetRequiredService<ConnectionCountFilter>(), filters.OfType<ConnectionCountFilter>().Single());
    }
}
