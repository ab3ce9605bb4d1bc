namespace Referral.Grains.Abstractions.Quiz;

/// <summary>A result or a stable error code (see <see cref="QuizErrors"/>) with a detail; <paramref name="Fields"/> names invalid fields.</summary>
[GenerateSerializer, Immutable, Alias("Referral.Quiz.QuizOutcome`1")]
public sealed record QuizOutcome<T>(
    [property: Id(0)] T? Value,
    [property: Id(1)] string? Error,
    [property: Id(2)] string? Detail,
    [property: Id(3)] IReadOnlyDictionary<string, string[]>? Fields)
{
    public bool Ok => Error is null;
}
