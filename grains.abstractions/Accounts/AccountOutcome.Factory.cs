namespace Referral.Grains.Abstractions.Accounts;

/// <summary>Builds <see cref="AccountOutcome{T}"/> values.</summary>
public static class AccountOutcome
{
    public static AccountOutcome<T> Success<T>(T value) => new(value, null, null);

    public static AccountOutcome<T> Fail<T>(string error, string? detail = null) => new(default, error, detail);
}
