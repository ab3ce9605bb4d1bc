using Microsoft.Extensions.Logging;
using Referral.Grains.Abstractions;
using Referral.Grains.Abstractions.Referrals;

namespace Referral.Grains.Referrals;

/// <summary>
/// A personal code: its owner, and the clicks on its link. The first click per device starts
/// that device's attribution window; only keyed hashes of devices and networks are stored.
/// </summary>
public sealed partial class ReferralCodeGrain(
    [PersistentState("code", StorageNames.Default)] IPersistentState<ReferralCodeState> state,
    TimeProvider time,
    ILogger<ReferralCodeGrain> logger) : Grain, IReferralCodeGrain
{
    /// <summary>Devices remembered per code; later devices count as clicks but start no window.</summary>
    public const int MaxDevices = 10_000;

    public async ValueTask<bool> Claim(CodeTarget target)
    {
        if (state.State.Target is { } owner)
        {
            return owner == target;
        }

        state.State.Target = target;
        await state.WriteStateAsync();
        return true;
    }

    public ValueTask<CodeTarget?> Resolve() => ValueTask.FromResult(state.State.Target);

    public async ValueTask<CodeTarget?> Click(LinkClick click)
    {
        if (state.State.Target is not { } target)
        {
            return null;
        }

        state.State.Clicks++;
        state.State.LastClickAt = click.At;
        if (state.State.FirstClicks.Count < MaxDevices)
        {
            state.State.FirstClicks.TryAdd(click.VisitorKey, time.GetUtcNow());
        }

        await state.WriteStateAsync();
        try
        {
            await GrainFactory.GetGrain<IReferrerGrain>(ReferrerKeys.For(target.CampaignId, target.ReferrerId)).Clicked(state.State.Clicks, click.At);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The click is counted; only the live notice is lost.
            LogNoticeFailed(logger, e);
        }

        return target;
    }

    public ValueTask<DateTimeOffset?> FirstClick(string visitorKey) =>
        ValueTask.FromResult(state.State.FirstClicks.TryGetValue(visitorKey, out var at) ? at : (DateTimeOffset?)null);

    public ValueTask<CodeStats> Stats() =>
        ValueTask.FromResult(new CodeStats(state.State.Clicks, state.State.FirstClicks.Count, state.State.LastClickAt));

    [LoggerMessage(Level = LogLevel.Warning, Message = "A referrer could not be told about a click.")]
    private static partial void LogNoticeFailed(ILogger logger, Exception exception);
}
