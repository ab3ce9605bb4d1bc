using Referral.Grains.Abstractions;
using Referral.Grains.Abstractions.Quiz;

namespace Referral.Grains.Quiz;

/// <summary>A host's quiz. Keeps the host's quiz list (<see cref="IQuizLibraryGrain"/>) in step.</summary>
public sealed class QuizGrain(
    [PersistentState("quiz", StorageNames.Default)] IPersistentState<QuizState> state,
    TimeProvider time) : Grain, IQuizGrain
{
    private bool Exists => state.State.Definition is not null && !state.State.Deleted;

    public async ValueTask<QuizOutcome<QuizView>> Create(Guid ownerId, QuizDefinition definition)
    {
        if (Exists)
        {
            return state.State.OwnerId == ownerId && Equals(state.State.Definition, definition)
                ? QuizOutcome.Success(View()) // a retried create
                : QuizOutcome.Fail<QuizView>(QuizErrors.QuizExists, "A quiz with this id exists.");
        }

        var errors = QuizValidator.Validate(definition);
        if (errors.Count > 0)
        {
            return QuizOutcome.Invalid<QuizView>(errors);
        }

        var now = time.GetUtcNow();
        state.State.OwnerId = ownerId;
        state.State.Definition = definition;
        state.State.Version = 1;
        state.State.CreatedAt = now;
        state.State.UpdatedAt = now;
        state.State.Deleted = false;
        await state.WriteStateAsync();
        await Library().Upsert(Summary());
        return QuizOutcome.Success(View());
    }

    public async ValueTask<QuizOutcome<QuizView>> Update(Guid ownerId, QuizDefinition definition)
    {
        if (Check(ownerId) is { } error)
        {
            return QuizOutcome.Fail<QuizView>(error.Code, error.Detail);
        }

        var errors = QuizValidator.Validate(definition);
        if (errors.Count > 0)
        {
            return QuizOutcome.Invalid<QuizView>(errors);
        }

        state.State.Definition = definition;
        state.State.Version++;
        state.State.UpdatedAt = time.GetUtcNow();
        await state.WriteStateAsync();
        await Library().Upsert(Summary());
        return QuizOutcome.Success(View());
    }

    public ValueTask<QuizOutcome<QuizView>> Get(Guid requesterId) =>
        ValueTask.FromResult(Check(requesterId) is { } error
            ? QuizOutcome.Fail<QuizView>(error.Code, error.Detail)
            : QuizOutcome.Success(View()));

    public async ValueTask<QuizOutcome<bool>> Delete(Guid ownerId)
    {
        if (Check(ownerId) is { } error)
        {
            return QuizOutcome.Fail<bool>(error.Code, error.Detail);
        }

        await Library().Remove(this.GetPrimaryKey());
        await state.ClearStateAsync();
        return QuizOutcome.Success(true);
    }

    private (string Code, string Detail)? Check(Guid userId)
    {
        // A quiz of somebody else answers exactly like a missing one: ids are not disclosed.
        return Exists && state.State.OwnerId == userId ? null : (QuizErrors.QuizNotFound, "No such quiz.");
    }

    private IQuizLibraryGrain Library() => GrainFactory.GetGrain<IQuizLibraryGrain>(state.State.OwnerId);

    private QuizSummary Summary() =>
        new(this.GetPrimaryKey(), state.State.Definition!.Title, state.State.Definition.Questions.Count, state.State.UpdatedAt);

    private QuizView View() => new(
        this.GetPrimaryKey(),
        state.State.OwnerId,
        state.State.Definition!,
        state.State.Version,
        state.State.CreatedAt,
        state.State.UpdatedAt);
}
