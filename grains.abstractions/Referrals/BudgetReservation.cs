namespace Referral.Grains.Abstractions.Referrals;

/// <summary>The answer to a budget reservation: granted, or refused because a currency would overspend.</summary>
[GenerateSerializer, Immutable, Alias("Referral.Referrals.BudgetReservation")]
public sealed record BudgetReservation(
    [property: Id(0)] bool Granted,
    [property: Id(1)] string? ExhaustedCurrency);
