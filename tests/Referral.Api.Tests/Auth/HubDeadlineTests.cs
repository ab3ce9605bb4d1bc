using System.Diagnostics;
using Microsoft.AspNetCore.SignalR.Client;
using Referral.Api.Auth;
using Referral.Testing;
using Xunit;

namespace Referral.Api.Tests.Auth;

/// <summary>
/// When the server closes a connection that has no token: if it has not signed in within
/// Auth:AnonymousHubTimeout, and, once it has, when the token it was given expires.
/// </summary>
public sealed class HubDeadlineTests(ShortHubApi fixture) : IClassFixture<ShortHubApi>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnAnonymousConnectionThatDoesNotSignInIsClosed()
    {
        await using var hub = fixture.Api.CreateHubConnection();
        var closed = Closed(hub);
        var clock = Stopwatch.StartNew();
        await hub.StartAsync(Ct);

        await closed.WaitAsync(TimeSpan.FromSeconds(ShortHubApi.AnonymousSeconds + 15), Ct);
        TestContext.Current.TestOutputHelper?.WriteLine($"closed after {clock.Elapsed.TotalSeconds:0.0} s");
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(ShortHubApi.AnonymousSeconds - 0.5), $"closed after {clock.Elapsed}, before the deadline");
    }

    [Fact]
    public async Task AConnectionThatSignedInStaysPastTheAnonymousDeadlineAndClosesWhenItsTokenExpires()
    {
        await using var hub = fixture.Api.CreateHubConnection();
        var closed = Closed(hub);
        await hub.StartAsync(Ct);
        var session = await hub.InvokeAsync<AuthResponse>("SignInGuest", "Short Lived", AuthClient.NewDeviceId(), null, null, Ct);

        // Past the anonymous deadline, still open and usable.
        await Task.Delay(TimeSpan.FromSeconds(ShortHubApi.AnonymousSeconds + 1), Ct);
        if (DateTimeOffset.UtcNow < session.AccessTokenExpiresAt - TimeSpan.FromSeconds(0.5))
        {
            Assert.False(closed.IsCompleted, "closed before the token expired");
            await hub.InvokeAsync<Referral.Api.Hubs.ServerClock>("ServerTime", Ct);
        }

        await closed.WaitAsync(TimeSpan.FromSeconds(ShortHubApi.TokenSeconds + 15), Ct);
        var closedAt = DateTimeOffset.UtcNow;
        TestContext.Current.TestOutputHelper?.WriteLine($"closed {(closedAt - session.AccessTokenExpiresAt).TotalSeconds:0.0} s after exp");
        Assert.True(closedAt >= session.AccessTokenExpiresAt, $"closed at {closedAt:O}, before exp {session.AccessTokenExpiresAt:O}");
    }

    private static Task Closed(HubConnection hub)
    {
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.Closed += _ =>
        {
            closed.TrySetResult();
            return Task.CompletedTask;
        };
        return closed.Task;
    }
}
