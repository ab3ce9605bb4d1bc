using System.Reflection;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Time.Testing;
using Referral.Api.Auth;
using Referral.Api.Hubs;
using Xunit;

namespace Referral.Api.Tests.Auth;

/// <summary>The hub filter alone, on a fake clock: exact to the second of exp; anonymous callers reach only anonymous methods.</summary>
public sealed class HubAccessFilterTests
{
    private static readonly DateTimeOffset Expiry = new(2030, 1, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task InvocationsRunUntilTheSecondOfExpiryAndAreRefusedFromIt()
    {
        var clock = new FakeTimeProvider(Expiry.AddSeconds(-1));
        var filter = new HubAccessFilter(clock, new AuthOptions(), new AnonymousHubSlots(1));
        var context = Invocation(new Claim("exp", Expiry.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Equal("ran", await filter.InvokeMethodAsync(context, _ => ValueTask.FromResult<object?>("ran")));

        clock.Advance(TimeSpan.FromSeconds(1));
        var refused = await Assert.ThrowsAsync<HubException>(() => filter.InvokeMethodAsync(context, _ => ValueTask.FromResult<object?>("ran")).AsTask());
        Assert.Equal(HubAccessFilter.ExpiredMessage, refused.Message);
    }

    [Fact]
    public async Task ConnectionsWithoutAnExpiryAreRefused()
    {
        var filter = new HubAccessFilter(new FakeTimeProvider(Expiry), new AuthOptions(), new AnonymousHubSlots(1));
        var refused = await Assert.ThrowsAsync<HubException>(() => filter.InvokeMethodAsync(Invocation(), _ => ValueTask.FromResult<object?>("ran")).AsTask());
        Assert.Equal(HubAccessFilter.ExpiredMessage, refused.Message);
    }

    [Fact]
    public async Task AnonymousCallersReachOnlyMethodsMarkedAnonymous()
    {
        var filter = new HubAccessFilter(new FakeTimeProvider(Expiry), new AuthOptions(), new AnonymousHubSlots(1));
        foreach (var user in new[] { new ClaimsPrincipal(), new ClaimsPrincipal(new ClaimsIdentity()) })
        {
            var refused = await Assert.ThrowsAsync<HubException>(() => filter.InvokeMethodAsync(Invocation(user, nameof(GameHub.ServerTime)), _ => ValueTask.FromResult<object?>("ran")).AsTask());
            Assert.StartsWith(HubAccessFilter.SignInRequired + ":", refused.Message, StringComparison.Ordinal);
            Assert.Equal("ran", await filter.InvokeMethodAsync(Invocation(user, nameof(GameHub.SignInGuest)), _ => ValueTask.FromResult<object?>("ran")));
        }
    }

    private static HubInvocationContext Invocation(params Claim[] claims) =>
        Invocation(new ClaimsPrincipal(new ClaimsIdentity(claims, "test")), nameof(GameHub.ServerTime));

    private static HubInvocationContext Invocation(ClaimsPrincipal user, string methodName)
    {
        var method = typeof(GameHub).GetMethod(methodName, BindingFlags.Public | BindingFlags.Instance)!;
        return new HubInvocationContext(new FakeCallerContext(user), new EmptyServices(), new GameHub(TimeProvider.System), method, []);
    }

    private sealed class EmptyServices : IServiceProvider
    {
        public object? GetService(Type serviceType) => null;
    }

    private sealed class FakeCallerContext(ClaimsPrincipal user) : HubCallerContext
    {
        public override string ConnectionId => "test";

        public override string? UserIdentifier => null;

        public override ClaimsPrincipal? User => user;

        public override IDictionary<object, object?> Items { get; } = new Dictionary<object, object?>();

        public override IFeatureCollection Features { get; } = new FeatureCollection();

        public override CancellationToken ConnectionAborted => CancellationToken.None;

        public override void Abort()
        {
        }
    }
}
