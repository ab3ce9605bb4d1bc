using Microsoft.Extensions.Options;
using Referral.Grains.Abstractions.Operations;

namespace Referral.Api.Operations;

/// <summary>
/// Sends this node's counts to the operations grain every <see cref="OperationsOptions.ReportInterval"/>:
/// one small grain call per node per interval, whatever the number of connections or signups.
/// A failed report puts its counts back for the next one. On shutdown the node says it is gone,
/// so its connections stop counting at once.
/// </summary>
public sealed partial class OperationsReporter(
    IGrainFactory grains,
    OperationsCounters counters,
    IOptions<OperationsOptions> options,
    TimeProvider time,
    ILogger<OperationsReporter> logger) : BackgroundService
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>This process, as the operations grain knows it.</summary>
    public Guid NodeId { get; } = Guid.NewGuid();

    private TimeSpan Interval => options.Value.ReportInterval;

    private IOperationsGrain Grain => grains.GetGrain<IOperationsGrain>(0);

    /// <summary>Reports now (the admin view does, so this node's own figures are never stale).</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        var counts = counters.Take();
        try
        {
            await Grain.Report(new NodeReport(NodeId, counters.Connections, counts, Interval * 3));
        }
        catch
        {
            counters.Restore(counts);
            throw;
        }
        finally
        {
            _gate.Release();
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await FlushAsync(cancellationToken);
            await Grain.NodeStopped(NodeId);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            LogReportFailed(logger, e);
        }
    }

    public override void Dispose()
    {
        _gate.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await FlushAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
                {
                    LogReportFailed(logger, e);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: StopAsync sends the last report.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The operations report of this node failed; its counts wait for the next one.")]
    private static partial void LogReportFailed(ILogger logger, Exception exception);
}
