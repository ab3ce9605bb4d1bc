namespace Referral.Grains.Abstractions.Wheel;

/// <summary>
/// One player's wheel state, keyed by user id: provably-fair seeds and nonce, daily limits per
/// wheel, and the spins themselves. A spin is an outbox kept here: each step is persisted before
/// the next grain call, and the wallet dedupes by keys derived from the spin id, so a spin
/// interrupted anywhere finishes exactly once when its id is repeated or the grain reactivates.
/// </summary>
public interface IWheelPlayerGrain : IGrainWithGuidKey
{
    /// <summary>Spins <paramref name="wheelId"/> once; a repeated <paramref name="spinId"/> returns the first result.</summary>
    ValueTask<WheelOutcome<SpinResult>> Spin(string wheelId, string spinId);

    ValueTask<FairnessView> Fairness();

    /// <summary>Sets the client seed used from the next spin on (1–64 letters, digits, '-' or '_').</summary>
    ValueTask<WheelOutcome<FairnessView>> SetClientSeed(string clientSeed);

    /// <summary>Reveals the current server seed and starts a new one (nonce back to 0).</summary>
    ValueTask<SeedRotation> RotateSeed();

    ValueTask<SpinHistoryPage> History(int skip, int take);

    ValueTask<DailyAllowance> Allowance(string wheelId);

    /// <summary>Finishes spins a crash interrupted; returns how many it finished.</summary>
    ValueTask<int> Recover();
}
