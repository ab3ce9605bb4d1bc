namespace Referral.Grains.Abstractions.Quiz;

/// <summary>The list of one host's quizzes, keyed by the host's user id; kept by the quiz grains.</summary>
public interface IQuizLibraryGrain : IGrainWithGuidKey
{
    ValueTask Upsert(QuizSummary summary);

    ValueTask Remove(Guid quizId);

    ValueTask<IReadOnlyList<QuizSummary>> List();
}
