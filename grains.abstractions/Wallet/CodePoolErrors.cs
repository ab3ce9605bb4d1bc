namespace Referral.Grains.Abstractions.Wallet;

/// <summary>Stable error codes of code pools.</summary>
public static class CodePoolErrors
{
    public const string ValidationFailed = "validation_failed";
    public const string PoolNotFound = "pool_not_found";

    /// <summary>The pool exists already under another name.</summary>
    public const string PoolExists = "pool_exists";

    /// <summary>Every code of the pool has been handed out.</summary>
    public const string OutOfStock = "out_of_stock";

    /// <summary>The idempotency key was used before for another user.</summary>
    public const string IdempotencyConflict = "idempotency_conflict";
}
