using Microsoft.AspNetCore.SignalR;

namespace Referral.Api.Operations;

/// <summary>Counts this node's open hub connections for the operations view: one interlocked add each way.</summary>
public sealed class ConnectionCountFilter(OperationsCounters counters) : IHubFilter
{
    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        // Counted once the connection is established: a connection that failed to connect gets no disconnect call.
        await next(context);
        counters.Connected();
    }

    public async Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        counters.Disconnected();
        await next(context, exception);
    }
}
