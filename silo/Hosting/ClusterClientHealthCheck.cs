using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Referral.Silo.Hosting;

/// <summary>Ready once the client reaches a gateway and the cluster answers a management call.</summary>
internal sealed class ClusterClientHealthCheck(IClusterClient client) : IHealthCheck
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var call = client.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true, cancellationToken);
            var hosts = await call.WaitAsync(Timeout, cancellationToken);
            return hosts.Count > 0
                ? HealthCheckResult.Healthy($"Connected; {hosts.Count} active silo(s).")
                : HealthCheckResult.Unhealthy("Connected, but no silo is active.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("The cluster does not answer: " + ex.Message);
        }
    }
}
