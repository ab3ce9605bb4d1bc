namespace Referral.Grains.Abstractions.Operations;

/// <summary>New users and referred signups counted on one UTC day.</summary>
[GenerateSerializer, Immutable, Alias("Referral.Operations.DayCount")]
public sealed record DayCount(
    [property: Id(0)] DateOnly Day,
    [property: Id(1)] long Signups,
    [property: Id(2)] long Referrals);
