using System.Reflection;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Time.Testing;
using Referral.Api.Hubs;
using Xunit;

namespace Referral.Api.Tests.Auth;

/// <summary>The hub filter alone, on a fake clock: exact to the second of exp.</summary>
public sealed class TokenExpiryFilterTests
{
    private static readonly DateTimeOffset Expiry = new(2030, 1, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task InvocationsRunUntilTheSecondOfExpiryAndAreRefusedFromIt()
    {
        var clock = new FakeTimeProvider(Expiry.AddSeconds(-1));
        var filter = new TokenExpiryFilter(clock);
        var context = Invocation(new Claim("exp", Expiry.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Equal("ran", await filter.InvokeMethodAsync(context, _ => ValueTask.FromResult<object?>("ran")));

        clock.Advance(TimeSpan.FromSeconds(1));
        var refused = await Assert.ThrowsAsync<HubException>(() => filter.InvokeMethodAsync(context, _ => ValueTask.FromResult<object?>("ran")).AsTask());
        Assert.Equal(TokenExpiryFilter.ExpiredMessage, refused.Message);
    }

    [Fact]
    public async Task ConnectionsWithoutAnExpiryAreRefused()
    {
        var filter = new TokenExpiryFilter(new FakeTimeProvider(Expiry));
        await Assert.ThrowsAsync<HubException>(() => filter.InvokeMethodAsync(Invocation(), _ => ValueTask.FromResult<object?>("ran")).AsTask());
    }

    private static HubInvocationContext Invocation(params Claim[] claims)
    {
        var user = new ClaimsPrincipal(new ClaimsIdentity(claims, "test"));
        var method = typeof(GameHub).GetMethod(nameof(GameHub.ServerTime), BindingFlags.Public | BindingFlags.Instance)!;
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
