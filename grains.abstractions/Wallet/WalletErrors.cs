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

    /// <summary>A missing or over-long idempotency key, reason or source reference, or reversing a reversal.</summary>
    public const string InvalidRequest = "invalid_request";
}
