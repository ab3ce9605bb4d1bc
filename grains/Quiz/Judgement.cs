namespace Referral.Grains.Quiz;

/// <summary>
/// How right an answer is: <paramref name="Credit"/> in [0, 1] scales the points;
/// <paramref name="Correct"/> (full credit on a question that has a right answer) keeps the streak.
/// <paramref name="Error"/> is set when the answer is malformed and must be refused, not scored.
/// </summary>
public sealed record Judgement(double Credit, bool Correct, string? Error)
{
    public static Judgement Invalid(string error) => new(0, false, error);
}
