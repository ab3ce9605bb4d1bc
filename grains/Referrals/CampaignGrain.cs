using Referral.Grains.Abstractions;
using Referral.Grains.Abstractions.Referrals;

namespace Referral.Grains.Referrals;

/// <summary>
/// A referral campaign: its rules (validated on every change), status, and the budget. Budget
/// reservations are judged one at a time by this grain, so the budget is never overspent however
/// many referrals qualify at once, and a reservation retried under the same key is spent once.
/// </summary>
public sealed class CampaignGrain(
    [PersistentState("campaign", StorageNames.Default)] IPersistentState<CampaignState> state,
    TimeProvider time) : Grain, ICampaignGrain
{
    public async ValueTask<CampaignOutcome> Create(CampaignDefinition definition)
    {
        if (state.State.Definition is not null)
        {
            return CampaignOutcome.Fail(ReferralErrors.CampaignExists, "A campaign with this id exists.");
        }

        var errors = CampaignRules.Validate(definition);
        if (errors.Count > 0)
        {
            return CampaignOutcome.Invalid(errors);
        }

        var now = time.GetUtcNow();
        state.State.Definition = Clean(definition);
        state.State.Status = CampaignStatus.Draft;
        state.State.CreatedAt = now;
        state.State.UpdatedAt = now;
        await state.WriteStateAsync();
        await GrainFactory.GetGrain<ICampaignDirectoryGrain>(0).Add(this.GetPrimaryKey());
        return CampaignOutcome.Success(View());
    }

    public async ValueTask<CampaignOutcome> Update(CampaignDefinition definition)
    {
        if (state.State.Definition is null)
        {
            return NotFound();
        }

        if (state.State.Status == CampaignStatus.Ended)
        {
            return CampaignOutcome.Fail(ReferralErrors.InvalidTransition, "An ended campaign cannot be changed.");
        }

        var errors = CampaignRules.Validate(definition);
        if (errors.Count > 0)
        {
            return CampaignOutcome.Invalid(errors);
        }

        state.State.Definition = Clean(definition);
        state.State.UpdatedAt = time.GetUtcNow();
        await state.WriteStateAsync();
        return CampaignOutcome.Success(View());
    }

    public async ValueTask<CampaignOutcome> SetStatus(CampaignStatus status)
    {
        if (state.State.Definition is null)
        {
            return NotFound();
        }

        if (!Enum.IsDefined(status) || !CampaignRules.CanMove(state.State.Status, status))
        {
            return CampaignOutcome.Fail(ReferralErrors.InvalidTransition, $"A {state.State.Status} campaign cannot become {status}.");
        }

        if (state.State.Status != status)
        {
            state.State.Status = status;
            state.State.UpdatedAt = time.GetUtcNow();
            await state.WriteStateAsync();
        }

        return CampaignOutcome.Success(View());
    }

    public ValueTask<CampaignView?> Get() => ValueTask.FromResult(state.State.Definition is null ? null : View());

    public async ValueTask<BudgetReservation> Reserve(string key, IReadOnlyDictionary<string, long> cost)
    {
        if (state.State.Reservations.ContainsKey(key))
        {
            return new BudgetReservation(true, null);
        }

        var budget = state.State.Definition?.Budget;
        foreach (var (currency, amount) in cost)
        {
            if (budget is not null && budget.TryGetValue(currency, out var limit) && state.State.Spent.GetValueOrDefault(currency) + amount > limit)
            {
                return new BudgetReservation(false, currency);
            }
        }

        foreach (var (currency, amount) in cost)
        {
            state.State.Spent[currency] = state.State.Spent.GetValueOrDefault(currency) + amount;
        }

        state.State.Reservations[key] = new Dictionary<string, long>(cost, StringComparer.Ordinal);
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            Undo(key);
            throw;
        }

        return new BudgetReservation(true, null);
    }

    public async ValueTask Release(string key)
    {
        if (!state.State.Reservations.ContainsKey(key))
        {
            return;
        }

        Undo(key);
        await state.WriteStateAsync();
    }

    private void Undo(string key)
    {
        if (state.State.Reservations.Remove(key, out var cost))
        {
            foreach (var (currency, amount) in cost)
            {
                state.State.Spent[currency] = state.State.Spent.GetValueOrDefault(currency) - amount;
            }
        }
    }

    private CampaignView View() => new(
        this.GetPrimaryKey(),
        state.State.Definition!,
        state.State.Status,
        state.State.CreatedAt,
        state.State.UpdatedAt,
        new Dictionary<string, long>(state.State.Spent, StringComparer.Ordinal),
        state.State.Reservations.Count);

    private static CampaignDefinition Clean(CampaignDefinition d) => d with
    {
        Name = d.Name.Trim(),
        QuizzesRequired = d.QualifyingEvent switch
        {
            QualifyingEvent.QuizzesCompleted => d.QuizzesRequired,
            QualifyingEvent.FirstQuizCompleted => 1,
            _ => 0,
        },
        Milestones = d.Milestones ?? [],
        Budget = d.Budget is { Count: > 0 } budget ? new Dictionary<string, long>(budget, StringComparer.Ordinal) : null,
    };

    private static CampaignOutcome NotFound() => CampaignOutcome.Fail(ReferralErrors.CampaignNotFound, "No such campaign.");
}
