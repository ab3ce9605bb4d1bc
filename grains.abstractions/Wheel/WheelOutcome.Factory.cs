namespace Referral.Grains.Abstractions.Wheel;

/// <summary>Builds <see cref="WheelOutcome{T}"/> values.</summary>
public static class WheelOutcome
{
    public static WheelOutcome<T> Success<T>(T value) => new(value, null, null, null);

    public static WheelOutcome<T> Fail<T>(string error, string detail) => new(default, error, detail, null);

    public static WheelOutcome<T> Invalid<T>(IReadOnlyDictionary<string, string[]> fields) =>
        new(default, WheelErrors.ValidationFailed, "One or more fields are invalid.", fields);

    public static WheelOutcome<T> Invalid<T>(string field, string message) =>
        Invalid<T>(new Dictionary<string, string[]> { [field] = [message] });
}
