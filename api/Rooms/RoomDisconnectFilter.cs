using Microsoft.AspNetCore.SignalR;

namespace Referral.Api.Rooms;

/// <summary>Detaches a closed connection from its rooms, so the node unsubscribes from empty rooms.</summary>
public sealed class RoomDisconnectFilter(RoomRelay relay) : IHubFilter
{
    public async Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        await relay.Disconnected(context.Context.ConnectionId);
        await next(context, exception);
    }
}
