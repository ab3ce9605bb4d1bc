using Referral.Grains.Abstractions;
using Referral.Grains.Abstractions.Wallet;
using Referral.Grains.Catalog;

namespace Referral.Grains.Wallet;

/// <summary>
/// One pool of single-use codes. Not reentrant: issues are judged one at a time against the same
/// stock, so a pool never hands out more codes than it holds, however many grants race for them.
/// A change is applied in memory, written once, and undone in memory if the write fails.
/// </summary>
public sealed class CodePoolGrain(
    [PersistentState("codepool", StorageNames.Default)] IPersistentState<CodePoolState> state,
    TimeProvider time) : Grain, ICodePoolGrain
{
    private const int InvalidShown = 20;

    // Codes compare without case: "SAVE10" and "save10" are the same coupon to a shopper.
    private readonly HashSet<string> _known = new(StringComparer.OrdinalIgnoreCase);

    private CodePoolState S => state.State;

    private string PoolId => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _known.UnionWith(S.Codes);
        return Task.CompletedTask;
    }

    public async ValueTask<CodePoolOutcome<CodePoolView>> Create(string name, string? description)
    {
        if (!Slugs.IsValid(PoolId))
        {
            return CodePoolOutcome.Invalid<CodePoolView>("id", Slugs.Rule);
        }

        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length is 0 or > CodeRules.MaxNameLength)
        {
            return CodePoolOutcome.Invalid<CodePoolView>("name", $"A name of 1 to {CodeRules.MaxNameLength} characters is required.");
        }

        var about = string.IsNullOrWhiteSpace(description) ? null : description.Trim();
        if (about is { Length: > CodeRules.MaxDescriptionLength })
        {
            return CodePoolOutcome.Invalid<CodePoolView>("description", $"At most {CodeRules.MaxDescriptionLength} characters.");
        }

        if (S.Created)
        {
            return S.Name == trimmed
                ? CodePoolOutcome.Success(ViewOf())
                : CodePoolOutcome.Fail<CodePoolView>(CodePoolErrors.PoolExists, "A code pool with this id exists already.");
        }

        S.Created = true;
        S.Name = trimmed;
        S.Description = about;
        S.CreatedAt = time.GetUtcNow();
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            S.Created = false;
            throw;
        }

        return CodePoolOutcome.Success(ViewOf());
    }

    public async ValueTask<CodePoolOutcome<CodeBatchResult>> AddCodes(IReadOnlyList<string> codes)
    {
        if (!S.Created)
        {
            return CodePoolOutcome.Fail<CodeBatchResult>(CodePoolErrors.PoolNotFound, "No such code pool.");
        }

        if (codes is null || codes.Count is 0 or > CodeRules.MaxBatch)
        {
            return CodePoolOutcome.Invalid<CodeBatchResult>("codes", $"Between 1 and {CodeRules.MaxBatch} codes per request.");
        }

        var added = new List<string>();
        var invalid = new List<string>();
        var invalidCount = 0;
        var duplicates = 0;
        foreach (var raw in codes)
        {
            var code = raw?.Trim();
            if (!CodeRules.IsValidCode(code))
            {
                invalidCount++;
                if (invalid.Count < InvalidShown)
                {
                    invalid.Add(raw ?? "");
                }
            }
            else if (!_known.Add(code!))
            {
                duplicates++;
            }
            else
            {
                added.Add(code!);
            }
        }

        if (S.Codes.Count + added.Count > CodeRules.MaxPoolSize)
        {
            _known.ExceptWith(added);
            return CodePoolOutcome.Invalid<CodeBatchResult>("codes", $"A pool holds at most {CodeRules.MaxPoolSize} codes; it has {S.Codes.Count}.");
        }

        if (added.Count > 0)
        {
            S.Codes.AddRange(added);
            try
            {
                await state.WriteStateAsync();
            }
            catch
            {
                S.Codes.RemoveRange(S.Codes.Count - added.Count, added.Count);
                _known.ExceptWith(added);
                throw;
            }
        }

        return CodePoolOutcome.Success(new CodeBatchResult(added.Count, duplicates, invalidCount, invalid, S.Codes.Count - S.IssuedCount));
    }

    public async ValueTask<CodePoolOutcome<IssuedCode>> Issue(string idempotencyKey, Guid userId, string reason)
    {
        if (string.IsNullOrWhiteSpace(idempotencyKey) || idempotencyKey.Length > 300)
        {
            return CodePoolOutcome.Invalid<IssuedCode>("idempotencyKey", "An idempotency key of 1 to 300 characters is required.");
        }

        if (S.Issues.TryGetValue(idempotencyKey, out var previous))
        {
            return previous.UserId == userId
                ? CodePoolOutcome.Success(previous)
                : CodePoolOutcome.Fail<IssuedCode>(CodePoolErrors.IdempotencyConflict, "This idempotency key was used for another user.");
        }

        if (!S.Created)
        {
            return CodePoolOutcome.Fail<IssuedCode>(CodePoolErrors.PoolNotFound, "No such code pool.");
        }

        if (S.IssuedCount >= S.Codes.Count)
        {
            return CodePoolOutcome.Fail<IssuedCode>(CodePoolErrors.OutOfStock, "Every code of this pool has been handed out.");
        }

        var issued = new IssuedCode(S.Codes[S.IssuedCount], userId, idempotencyKey, reason ?? "", time.GetUtcNow());
        S.IssuedCount++;
        S.Issues[idempotencyKey] = issued;
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            S.IssuedCount--;
            S.Issues.Remove(idempotencyKey);
            throw;
        }

        return CodePoolOutcome.Success(issued);
    }

    public ValueTask<int> Stock() => ValueTask.FromResult(S.Created ? S.Codes.Count - S.IssuedCount : 0);

    public ValueTask<CodePoolOutcome<CodePoolView>> View() =>
        ValueTask.FromResult(S.Created
            ? CodePoolOutcome.Success(ViewOf())
            : CodePoolOutcome.Fail<CodePoolView>(CodePoolErrors.PoolNotFound, "No such code pool."));

    private CodePoolView ViewOf() =>
        new(PoolId, S.Name, S.Description, S.Codes.Count, S.IssuedCount, S.Codes.Count - S.IssuedCount, S.CreatedAt);
}
