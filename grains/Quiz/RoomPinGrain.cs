using Referral.Grains.Abstractions;
using Referral.Grains.Abstractions.Quiz;

namespace Referral.Grains.Quiz;

/// <summary>
/// Which live room holds a PIN. A claim older than <see cref="ClaimLifetime"/> is treated as free,
/// so a room that was never ended (its host vanished) does not hold a PIN forever.
/// </summary>
public sealed class RoomPinGrain(
    [PersistentState("pin", StorageNames.Default)] IPersistentState<RoomPinState> state,
    TimeProvider time) : Grain, IRoomPinGrain
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
        return true;
    }

    public ValueTask<Guid?> Resolve() => ValueTask.FromResult(Live());

    public async ValueTask Release(Guid roomId)
    {
        if (state.State.RoomId == roomId)
        {
            await state.ClearStateAsync();
        }
    }

    private Guid? Live() =>
        state.State.RoomId is { } id && time.GetUtcNow() - state.State.ClaimedAt < ClaimLifetime ? id : null;
}
