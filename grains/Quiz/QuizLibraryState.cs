using Referral.Grains.Abstractions.Quiz;

namespace Referral.Grains.Quiz;

[GenerateSerializer, Alias("Referral.Quiz.QuizLibraryState")]
public sealed class QuizLibraryState
{
    [Id(0)] public Dictionary<Guid, QuizSummary> Quizzes { get; set; } = new();
}
