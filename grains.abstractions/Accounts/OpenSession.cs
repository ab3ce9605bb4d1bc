namespace Referral.Grains.Abstractions.Accounts;

/// <summary>Start a refresh-token family; <paramref name="Device"/> is a label the user sees in their sessions.</summary>
[GenerateSerializer, Immutable, Alias("Referral.OpenSession")]
public sealed record OpenSession(
    [property: Id(0)] string? Device);
