using Referral.Grains.Abstractions.Quiz;

namespace Referral.Grains.Quiz;

[GenerateSerializer, Alias("Referral.Quiz.QuizState")]
public sealed class QuizState
{
    [Id(0)] public Guid OwnerId { get; set; }

    [Id(1)] public QuizDefinition? Definition { get; set; }

    [Id(2)] public int Version { get; set; }

    [Id(3)] public DateTimeOffset CreatedAt { get; set; }

    [Id(4)] public DateTimeOffset UpdatedAt { get; set; }

    [Id(5)] public bool Deleted { get; set; }
}
