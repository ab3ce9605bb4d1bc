namespace Referral.Grains.Abstractions.Referrals;

/// <summary>One fraud rule that fired, with the points it added to the score.</summary>
[GenerateSerializer, Immutable, Alias("Referral.Referrals.FraudSignal")]
public sealed record FraudSignal(
    [property: Id(0)] string Rule,
    [property: Id(1)] int Points);
