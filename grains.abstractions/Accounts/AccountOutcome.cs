namespace Referral.Grains.Abstractions.Accounts;

/// <summary>
/// A result or a stable error code (e.g. <c>email_taken</c>, <c>invalid_credentials</c>): account
/// rules fail as values, not exceptions, so the api maps each code to one ProblemDetails.
/// </summary>
[GenerateSerializer, Immutable, Alias("Referral.AccountOutcome`1")]
public sealed record AccountOutcome<T>(
    [property: Id(0)] T? Value,
    [property: Id(1)] string? Error,
    [property: Id(2)] string? Detail)
{
    public bool Ok => Error is null;
}
