using Microsoft.Extensions.Logging;
using Referral.Grains.Abstractions;
using Referral.Grains.Abstractions.Operations;
using Referral.Grains.Abstractions.Quiz;

namespace Referral.Grains.Quiz;

/// <summary>
/// Which live room holds a PIN. A claim older than <see cref="ClaimLifetime"/> is treated as free,
/// so a room that was never ended (its host vanished) does not hold a PIN forever. Claims and
/// releases are told to the operations grain, which counts open rooms for admins.
/// </summary>
public sealed partial class RoomPinGrain(
    [PersistentState("pin", StorageNames.Default)] IPersistentState<RoomPinState> state,
    TimeProvider time,
    ILogger<RoomPinGrain> logger) : Grain, IRoomPinGrain
{
    public static readonly TimeSpan ClaimLifetime = TimeSpan.FromHours(12);

    public async ValueTask<bool> Claim(Guid roomId)
    {
        if (state.State.RoomId == roomId)
        {
            return true;
        }

        if (Live() is not null)
        {
            return false;
        }

        state.State.RoomId = roomId;
        state.State.ClaimedAt = time.GetUtcNow();
        await state.WriteStateAsync();
        await Tell(o => o.RoomOpened(roomId));
        return true;
    }

    public ValueTask<Guid?> Resolve() => ValueTask.FromResult(Live());

    public async ValueTask Release(Guid roomId)
    {
        if (state.State.RoomId == roomId)
        {
            await state.ClearStateAsync();
            await Tell(o => o.RoomClosed(roomId));
        }
    }

    private Guid? Live() =>
        state.State.RoomId is { } id && time.GetUtcNow() - state.State.ClaimedAt < ClaimLifetime ? id : null;

    /// <summary>The room count is a dashboard figure: a failure to tell it never fails a room.</summary>
    private async Task Tell(Func<IOperationsGrain, ValueTask> call)
    {
        try
        {
            await call(GrainFactory.GetGrain<IOperationsGrain>(0));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            LogOperationsUnreachable(logger, this.GetPrimaryKeyString(), e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The open-room count missed a change of PIN {Pin}.")]
    private static partial void LogOperationsUnreachable(ILogger logger, string pin, Exception exception);
}
