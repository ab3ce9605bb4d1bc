using Referral.Grains.Abstractions;
using Referral.Grains.Abstractions.Quiz;

namespace Referral.Grains.Quiz;

/// <summary>One host's quiz list, newest first.</summary>
public sealed class QuizLibraryGrain(
    [PersistentState("quizzes", StorageNames.Default)] IPersistentState<QuizLibraryState> state) : Grain, IQuizLibraryGrain
{
    public async ValueTask Upsert(QuizSummary summary)
    {
        if (state.State.Quizzes.TryGetValue(summary.Id, out var existing) && existing == summary)
        {
            return;
        }

        state.State.Quizzes[summary.Id] = summary;
        await state.WriteStateAsync();
    }

    public async ValueTask Remove(Guid quizId)
    {
        if (state.State.Quizzes.Remove(quizId))
        {
            await state.WriteStateAsync();
        }
    }

    public ValueTask<IReadOnlyList<QuizSummary>> List() =>
        ValueTask.FromResult<IReadOnlyList<QuizSummary>>(state.State.Quizzes.Values.OrderByDescending(q => q.UpdatedAt).ToList());
}
