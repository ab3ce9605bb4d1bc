namespace Referral.Grains.Abstractions.Accounts;

/// <summary>
/// The answer to a password check: the user id when it matched; otherwise only
/// <c>invalid_credentials</c>, or <c>locked_out</c> with the time to wait.
/// </summary>
[GenerateSerializer, Immutable, Alias("Referral.LoginCheck")]
public sealed record LoginCheck(
    [property: Id(0)] Guid? UserId,
    [property: Id(1)] string? Error,
    [property: Id(2)] TimeSpan? RetryAfter);
