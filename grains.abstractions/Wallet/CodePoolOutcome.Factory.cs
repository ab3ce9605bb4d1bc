namespace Referral.Grains.Abstractions.Wallet;

/// <summary>Builds <see cref="CodePoolOutcome{T}"/> values.</summary>
public static class CodePoolOutcome
{
    public static CodePoolOutcome<T> Success<T>(T value) => new(value, null, null, null);

    public static CodePoolOutcome<T> Fail<T>(string error, string detail) => new(default, error, detail, null);

    public static CodePoolOutcome<T> Invalid<T>(string field, string message) =>
        new(default, CodePoolErrors.ValidationFailed, message, new Dictionary<string, string[]> { [field] = [message] });
}
