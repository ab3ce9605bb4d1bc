namespace Referral.Grains.Abstractions.Quiz;

/// <summary>Builds <see cref="QuizOutcome{T}"/> values.</summary>
public static class QuizOutcome
{
    public static QuizOutcome<T> Success<T>(T value) => new(value, null, null, null);

    public static QuizOutcome<T> Fail<T>(string error, string? detail = null) => new(default, error, detail, null);

    public static QuizOutcome<T> Invalid<T>(IReadOnlyDictionary<string, string[]> fields) =>
        new(default, QuizErrors.ValidationFailed, "One or more fields are invalid.", fields);
}
