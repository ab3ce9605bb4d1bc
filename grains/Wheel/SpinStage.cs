namespace Referral.Grains.Wheel;

/// <summary>Where a spin's outbox stands; each stage is persisted before the next grain call.</summary>
public enum SpinStage
{
    /// <summary>Accepted: nonce, roll and the day's counters taken; the token not yet debited (or debited, not drawn).</summary>
    Started,

    /// <summary>The wheel gave its segment; the prize not yet credited.</summary>
    Drawn,

    /// <summary>Prize credited (or nothing to credit). Final.</summary>
    Completed,

    /// <summary>The wheel had nothing left to win after payment; the token was given back. Final.</summary>
    Refunded,
}
