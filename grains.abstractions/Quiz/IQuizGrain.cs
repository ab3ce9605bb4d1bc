namespace Referral.Grains.Abstractions.Quiz;

/// <summary>A host's quiz (question set), keyed by quiz id. Only its owner may read or change it.</summary>
public interface IQuizGrain : IGrainWithGuidKey
{
    /// <summary>Creates the quiz for <paramref name="ownerId"/>; fails with <c>quiz_exists</c> when it exists.</summary>
    ValueTask<QuizOutcome<QuizView>> Create(Guid ownerId, QuizDefinition definition);

    ValueTask<QuizOutcome<QuizView>> Update(Guid ownerId, QuizDefinition definition);

    ValueTask<QuizOutcome<QuizView>> Get(Guid requesterId);

    ValueTask<QuizOutcome<bool>> Delete(Guid ownerId);
}
