using Microsoft.AspNetCore.SignalR;

namespace Referral.Api.Wheel;

/// <summary>Stops a closed connection watching its wheels, so the node unsubscribes from unwatched ones.</summary>
public sealed class WheelDisconnectFilter(WheelRelay relay) : IHubFilter
{
    public async Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        await relay.Disconnected(context.Context.ConnectionId);
        await next(context, exception);
    }
}
