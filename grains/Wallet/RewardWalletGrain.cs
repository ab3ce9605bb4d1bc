using Referral.Grains.Abstractions;
using Referral.Grains.Abstractions.Wallet;

namespace Referral.Grains.Wallet;

/// <summary>
/// A user's reward wallet. Entries are only ever appended; a change is applied in memory and
/// written once, and undone in memory if the write fails, so state never runs ahead of storage.
/// Non-reentrant, so concurrent debits are judged one after another against the same balance.
/// </summary>
public sealed class RewardWalletGrain(
    [PersistentState("wallet", StorageNames.Default)] IPersistentState<RewardWalletState> state,
    TimeProvider time) : Grain, IRewardWalletGrain
{
    // Indexes rebuilt from the entries on activation: the entries are the only source of truth.
    private readonly Dictionary<string, WalletEntry> _byKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, WalletEntry> _byId = new(StringComparer.Ordinal);
    private readonly HashSet<string> _reversed = new(StringComparer.Ordinal);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        foreach (var entry in state.State.Entries)
        {
            Index(entry);
        }

        return Task.CompletedTask;
    }

    public ValueTask<WalletOutcome> Grant(WalletEntryRequest request) => Apply(request, sign: 1);

    public ValueTask<WalletOutcome> Debit(WalletEntryRequest request) => Apply(request, sign: -1);

    public async ValueTask<WalletOutcome> Reverse(string entryId, string idempotencyKey, string reason)
    {
        if (CheckText(idempotencyKey, reason, null) is { } invalid)
        {
            return invalid;
        }

        if (_byKey.TryGetValue(idempotencyKey, out var previous))
        {
            return previous.ReversalOf == entryId && previous.Reason == reason
                ? WalletOutcome.Success(previous)
                : WalletOutcome.Fail(WalletErrors.IdempotencyConflict, "This idempotency key was used for a different request.");
        }

        if (!_byId.TryGetValue(entryId ?? "", out var original))
        {
            return WalletOutcome.Fail(WalletErrors.EntryNotFound, "No such ledger entry.");
        }

        if (original.ReversalOf is not null)
        {
            return WalletOutcome.Fail(WalletErrors.InvalidRequest, "A reversal cannot itself be reversed.");
        }

        if (_reversed.Contains(original.Id))
        {
            return WalletOutcome.Fail(WalletErrors.AlreadyReversed, "This entry has been reversed already.");
        }

        return await Append(original.Currency, -original.Amount, reason, original.SourceRef, idempotencyKey, original.Id, original.PoolId, original.Code);
    }

    public async ValueTask<WalletOutcome> GrantCode(CodeGrantRequest request)
    {
        if (CheckText(request.IdempotencyKey, request.Reason, request.SourceRef) is { } invalid)
        {
            return invalid;
        }

        if (_byKey.TryGetValue(request.IdempotencyKey, out var previous))
        {
            var same = previous.ReversalOf is null
                && previous.Currency == Currencies.Code
                && previous.PoolId == request.PoolId
                && previous.Reason == request.Reason
                && previous.SourceRef == request.SourceRef;
            return same
                ? WalletOutcome.Success(previous)
                : WalletOutcome.Fail(WalletErrors.IdempotencyConflict, "This idempotency key was used for a different request.");
        }

        if (string.IsNullOrWhiteSpace(request.PoolId) || request.PoolId.Length > WalletLimits.MaxSourceRefLength)
        {
            return WalletOutcome.Fail(WalletErrors.InvalidRequest, "A code grant names its pool.");
        }

        // The pool dedupes by a key derived from ours, so a retry after a failed write below gets
        // the same code back instead of a second one.
        var userId = this.GetPrimaryKey();
        var issued = await GrainFactory.GetGrain<ICodePoolGrain>(request.PoolId)
            .Issue(CodePoolKeys.ForWallet(userId, request.IdempotencyKey), userId, request.Reason);
        if (!issued.Ok)
        {
            var error = issued.Error switch
            {
                CodePoolErrors.OutOfStock => WalletErrors.OutOfStock,
                CodePoolErrors.PoolNotFound => WalletErrors.PoolNotFound,
                _ => WalletErrors.InvalidRequest,
            };
            return WalletOutcome.Fail(error, issued.Detail ?? error);
        }

        return await Append(Currencies.Code, 1, request.Reason, request.SourceRef, request.IdempotencyKey, null, request.PoolId, issued.Value!.Code);
    }

    public ValueTask<IReadOnlyList<RewardCode>> Codes() =>
        ValueTask.FromResult<IReadOnlyList<RewardCode>>(state.State.Entries
            .Where(e => e.Currency == Currencies.Code && e.ReversalOf is null && e.Code is not null && !_reversed.Contains(e.Id))
            .Reverse()
            .Select(e => new RewardCode(e.Id, e.PoolId!, e.Code!, e.Reason, e.SourceRef, e.At))
            .ToList());

    public ValueTask<IReadOnlyDictionary<string, long>> Balances() =>
        ValueTask.FromResult<IReadOnlyDictionary<string, long>>(Currencies.All.ToDictionary(c => c, Balance));

    public ValueTask<WalletLedgerPage> Ledger(int skip, int take)
    {
        var entries = state.State.Entries;
        var page = entries
            .AsEnumerable()
            .Reverse()
            .Skip(Math.Max(0, skip))
            .Take(Math.Clamp(take, 0, 100))
            .ToList();
        return ValueTask.FromResult(new WalletLedgerPage(page, entries.Count));
    }

    private async ValueTask<WalletOutcome> Apply(WalletEntryRequest request, int sign)
    {
        if (CheckText(request.IdempotencyKey, request.Reason, request.SourceRef) is { } invalid)
        {
            return invalid;
        }

        if (_byKey.TryGetValue(request.IdempotencyKey, out var previous))
        {
            // A retry: the first result, nothing written. Failed attempts are not recorded, so a
            // debit refused for insufficient funds may succeed later under the same key.
            var same = previous.ReversalOf is null
                && previous.Currency == request.Currency
                && previous.Amount == sign * request.Amount
                && previous.Reason == request.Reason
                && previous.SourceRef == request.SourceRef;
            return same
                ? WalletOutcome.Success(previous)
                : WalletOutcome.Fail(WalletErrors.IdempotencyConflict, "This idempotency key was used for a different request.");
        }

        if (!Currencies.IsKnown(request.Currency))
        {
            return WalletOutcome.Fail(WalletErrors.UnknownCurrency, $"Currency must be one of: {string.Join(", ", Currencies.All)}.");
        }

        if (request.Amount is <= 0 or > WalletLimits.MaxAmount)
        {
            return WalletOutcome.Fail(WalletErrors.InvalidAmount, $"Amount must be between 1 and {WalletLimits.MaxAmount}.");
        }

        return await Append(request.Currency, sign * request.Amount, request.Reason, request.SourceRef, request.IdempotencyKey, null);
    }

    private async ValueTask<WalletOutcome> Append(
        string currency, long amount, string reason, string? sourceRef, string key, string? reversalOf, string? poolId = null, string? code = null)
    {
        var balance = Balance(currency);
        if (balance + amount < 0)
        {
            return WalletOutcome.Fail(WalletErrors.InsufficientFunds, $"The {currency} balance is {balance}.");
        }

        if (amount > 0 && balance > long.MaxValue - amount)
        {
            return WalletOutcome.Fail(WalletErrors.InvalidAmount, "The balance would overflow.");
        }

        var entry = new WalletEntry(Guid.NewGuid().ToString("N"), time.GetUtcNow(), currency, amount, reason, sourceRef, key, reversalOf, poolId, code);
        state.State.Entries.Add(entry);
        state.State.Balances[currency] = balance + amount;
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            state.State.Entries.RemoveAt(state.State.Entries.Count - 1);
            state.State.Balances[currency] = balance;
            throw;
        }

        Index(entry);
        return WalletOutcome.Success(entry);
    }

    private void Index(WalletEntry entry)
    {
        _byKey[entry.IdempotencyKey] = entry;
        _byId[entry.Id] = entry;
        if (entry.ReversalOf is not null)
        {
            _reversed.Add(entry.ReversalOf);
        }
    }

    private long Balance(string currency) => state.State.Balances.GetValueOrDefault(currency);

    private static WalletOutcome? CheckText(string? key, string? reason, string? sourceRef)
    {
        if (string.IsNullOrWhiteSpace(key) || key.Length > WalletLimits.MaxKeyLength)
        {
            return WalletOutcome.Fail(WalletErrors.InvalidRequest, $"An idempotency key of 1 to {WalletLimits.MaxKeyLength} characters is required.");
        }

        if (string.IsNullOrWhiteSpace(reason) || reason.Length > WalletLimits.MaxReasonLength)
        {
            return WalletOutcome.Fail(WalletErrors.InvalidRequest, $"A reason of 1 to {WalletLimits.MaxReasonLength} characters is required.");
        }

        return sourceRef is { Length: > WalletLimits.MaxSourceRefLength }
            ? WalletOutcome.Fail(WalletErrors.InvalidRequest, $"The source reference is limited to {WalletLimits.MaxSourceRefLength} characters.")
            : null;
    }
}
