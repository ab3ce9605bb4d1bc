using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Referral.Api.Auth;
using Referral.Api.Hubs;
using Referral.Testing;
using Xunit;

namespace Referral.Api.Tests.Auth;

/// <summary>
/// One address holds at most Auth:AnonymousHubConnectionsPerAddress connections that have not
/// signed in; the next is closed with rate_limited, and a slot comes back when a connection signs
/// in or closes.
/// </summary>
public sealed class AnonymousHubSlotsTests(CappedHubApi fixture) : IClassFixture<CappedHubApi>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnAddressHoldsOnlySoManyAnonymousConnectionsAndGetsSlotsBackOnSignInAndClose()
    {
        var slots = fixture.Api.Services.GetRequiredService<AnonymousHubSlots>();
        var open = new List<HubConnection>();
        try
        {
            for (var i = 0; i < CappedHubApi.AnonymousPerAddress; i++)
            {
                open.Add(await Connect());
            }

            // Over the cap: closed by the server, with the reason.
            var refused = await ConnectExpectingRefusal();
            Assert.Contains("rate_limited", refused, StringComparison.Ordinal);
            Assert.All(open, c => Assert.Equal(HubConnectionState.Connected, c.State));

            // Signing in gives the slot back: a new anonymous connection is accepted and works.
            await open[0].InvokeAsync<AuthResponse>("SignInGuest", "Slot Giver", AuthClient.NewDeviceId(), null, null, Ct);
            var afterSignIn = await Connect();
            open.Add(afterSignIn);
            var session = await afterSignIn.InvokeAsync<AuthResponse>("SignInGuest", "Slot Taker", AuthClient.NewDeviceId(), null, null, Ct);
            Assert.False(string.IsNullOrEmpty(session.AccessToken));

            // Closing gives it back too (once the server has seen the close).
            await open[1].DisposeAsync();
            await Eventually.Until(
                () => Task.FromResult<object?>(slots.Open("127.0.0.1") + slots.Open("::1") + slots.Open("unknown") < CappedHubApi.AnonymousPerAddress ? true : null),
                TimeSpan.FromSeconds(15), "the closed connection's slot coming back", Ct);
            open.Add(await Connect());
            Assert.Equal(HubConnectionState.Connected, open[^1].State);
        }
        finally
        {
            foreach (var connection in open)
            {
                await connection.DisposeAsync();
            }
        }
    }

    private async Task<HubConnection> Connect()
    {
        var hub = fixture.Api.CreateHubConnection();
        await hub.StartAsync(Ct);
        // Accepted: past OnConnected and still open, so a call gets an answer (an anonymous
        // connection's answer to anything but SignInGuest is sign_in_required).
        var answer = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<ServerClock>("ServerTime", Ct));
        Assert.Contains(HubAccessFilter.SignInRequired, answer.Message, StringComparison.Ordinal);
        return hub;
    }

    private async Task<string> ConnectExpectingRefusal()
    {
        await using var hub = fixture.Api.CreateHubConnection();
        var closed = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.Closed += e =>
        {
            closed.TrySetResult(e?.Message ?? "closed without an error");
            return Task.CompletedTask;
        };
        try
        {
            await hub.StartAsync(Ct);
        }
        catch (Exception ex) when (ex is HubException or InvalidOperationException or System.IO.IOException)
        {
            return ex.Message;
        }

        return await closed.Task.WaitAsync(TimeSpan.FromSeconds(15), Ct);
    }
}
