using Orleans.Concurrency;

namespace Referral.Grains.Abstractions.Wheel;

/// <summary>
/// One wheel of fortune, keyed by wheel id: its definition, the stock left per segment, and the
/// draw. The wheel is the only judge of stock, so draws are serialised here; spins themselves
/// (payment, seeds, limits, prizes) run in each player's <see cref="IWheelPlayerGrain"/>.
/// </summary>
public interface IWheelGrain : IGrainWithStringKey
{
    ValueTask<WheelOutcome<WheelView>> Create(WheelDefinition definition);

    /// <summary>Replaces the definition; wins so far are kept per segment id, so stock left = new stock − won.</summary>
    ValueTask<WheelOutcome<WheelView>> Update(WheelDefinition definition);

    /// <summary>Removes the wheel: no new spins; spins already started still finish.</summary>
    ValueTask<WheelOutcome<bool>> Delete();

    ValueTask<WheelOutcome<WheelView>> View();

    /// <summary>The player-facing wheel and the exact current probability of every segment.</summary>
    [ReadOnly]
    ValueTask<WheelOutcome<WheelOdds>> Odds();

    /// <summary>Code segments of pool <paramref name="poolId"/> marked dry come back (an admin added codes); returns how many.</summary>
    ValueTask<int> PoolRestocked(string poolId);

    /// <summary>
    /// Maps a spin's roll onto the segments that have stock now and takes one from the winner's
    /// stock. Idempotent per user and spin id for every draw that took stock, reserved a code or
    /// was a big win; <c>wheel_empty</c> when nothing has stock.
    /// </summary>
    ValueTask<WheelOutcome<DrawResult>> Draw(DrawRequest request);
}
