using Referral.Grains.Abstractions.Quiz;

namespace Referral.LoadGen.Scenarios;

/// <summary>
/// The quiz every room plays (single-choice questions, four options, the correct one rotating)
/// and each player's answers: wrong, late and think times drawn from a seeded generator, so a run
/// is reproducible.
/// </summary>
public static class QuizPlan
{
    public static IReadOnlyList<QuestionDefinition> Quiz(int questions, int timeLimitSeconds) =>
    [
        .. Enumerable.Range(0, questions).Select(q => new QuestionDefinition(
            QuestionType.SingleChoice,
            $"Load question {q + 1}: which option is number {(q % 4) + 1}?",
            ["Option one", "Option two", "Option three", "Option four"],
            [q % 4],
            [],
            timeLimitSeconds,
            PointsMode.Standard,
            null)),
    ];

    public static PlayerQuestion[] Answers(LoadGenOptions options, int player)
    {
        ArgumentNullException.ThrowIfNull(options);
#pragma warning disable CA5394 // A seeded, reproducible draw is the point; nothing here is security-relevant.
        var random = new Random(unchecked((options.Seed * 1_000_003) + player));
        return
        [
            .. Enumerable.Range(0, options.Questions).Select(q =>
            {
                var wrong = random.Next(100) < options.WrongPercent;
                return new PlayerQuestion
                {
                    Correct = !wrong,
                    Choice = wrong ? (q + 1 + random.Next(3)) % 4 : q % 4,
                    Late = random.Next(100) < options.LatePercent,
                    ThinkMs = random.Next(options.ThinkMinMs, options.ThinkMax + 1),
                };
            }),
        ];
#pragma warning restore CA5394
    }
}
