namespace Referral.Grains.Abstractions.Accounts;

/// <summary>Profile fields to change; null leaves a field as it is.</summary>
[GenerateSerializer, Immutable, Alias("Referral.ProfileUpdate")]
public sealed record ProfileUpdate(
    [property: Id(0)] string? DisplayName,
    [property: Id(1)] string? Locale);
