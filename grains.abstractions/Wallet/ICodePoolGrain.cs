namespace Referral.Grains.Abstractions.Wallet;

/// <summary>
/// A pool of single-use reward codes (coupons), keyed by pool id. Admins add codes; grants take
/// one unused code each, exactly once per idempotency key, and never more codes than were added.
/// </summary>
public interface ICodePoolGrain : IGrainWithStringKey
{
    /// <summary>Creates the pool; creating it again with the same name returns it unchanged.</summary>
    ValueTask<CodePoolOutcome<CodePoolView>> Create(string name, string? description);

    /// <summary>Adds codes: well-formed ones not in the pool yet; the result counts what was skipped and why.</summary>
    ValueTask<CodePoolOutcome<CodeBatchResult>> AddCodes(IReadOnlyList<string> codes);

    /// <summary>
    /// Hands <paramref name="userId"/> one unused code. A repeated key returns the code it got the
    /// first time (even once the pool is empty); <c>out_of_stock</c> when no unused code is left.
    /// </summary>
    ValueTask<CodePoolOutcome<IssuedCode>> Issue(string idempotencyKey, Guid userId, string reason);

    /// <summary>Unused codes left (0 for a pool that does not exist).</summary>
    ValueTask<int> Stock();

    ValueTask<CodePoolOutcome<CodePoolView>> View();
}
