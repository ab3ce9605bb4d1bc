namespace Referral.Grains.Abstractions.Wallet;

/// <summary>Stable error codes of the reward wallet.</summary>
public static class WalletErrors
{
    public const string InsufficientFunds = "insufficient_funds";
    public const string InvalidAmount = "invalid_amount";
    public const string UnknownCurrency = "unknown_currency";

    /// <summary>The idempotency key was used before for a different request.</summary>
    public const string IdempotencyConflict = "idempotency_conflict";

    public const string EntryNotFound = "entry_not_found";
    public const string AlreadyReversed = "already_reversed";

    /// <summary>The code pool of a code grant has no unused code left.</summary>
    public const string OutOfStock = "out_of_stock";

    /// <summary>The code pool of a code grant does not exist.</summary>
    public const string PoolNotFound = "pool_not_found";

    /// <summary>A missing or over-long idempotency key, reason or source reference, or reversing a reversal.</summary>
    public const string InvalidRequest = "invalid_request";
}
