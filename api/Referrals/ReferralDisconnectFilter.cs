using Microsoft.AspNetCore.SignalR;

namespace Referral.Api.Referrals;

/// <summary>Stops relaying referral events to a closed connection (the last one out unsubscribes the node).</summary>
public sealed class ReferralDisconnectFilter(ReferralRelay relay) : IHubFilter
{
    public async Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        await relay.UnwatchAsync(context.Context.ConnectionId);
        await next(context, exception);
    }
}
