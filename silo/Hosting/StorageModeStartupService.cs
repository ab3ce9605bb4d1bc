using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Referral.Silo.Persistence;

namespace Referral.Silo.Hosting;

/// <summary>
/// Before the silo starts: in durable mode brings the PostgreSQL schema up to date (idempotent,
/// safe when several silos start at once); in memory mode says loudly that nothing is durable.
/// </summary>
internal sealed partial class StorageModeStartupService(ReferralSettings settings, ILogger<StorageModeStartupService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!settings.IsDurable)
        {
            LogNotDurable(logger);
            return;
        }

        await PostgresSchema.ApplyAsync(settings.ConnectionString!, logger, cancellationToken);
        LogDurable(logger, settings.Orleans.ClusterId);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message =
        "STATE IS NOT DURABLE: grain state, reminders and stream subscriptions live in memory and are lost when this process stops. " +
        "Set ConnectionStrings__Referral to a PostgreSQL database for durable mode.")]
    private static partial void LogNotDurable(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Durable mode: clustering, grain state and reminders in PostgreSQL (cluster {ClusterId}).")]
    private static partial void LogDurable(ILogger logger, string clusterId);
}
