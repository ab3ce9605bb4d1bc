namespace Referral.Grains.Abstractions.Referrals;

/// <summary>Whose personal code this is, in which campaign.</summary>
[GenerateSerializer, Immutable, Alias("Referral.Referrals.CodeTarget")]
public sealed record CodeTarget(
    [property: Id(0)] Guid CampaignId,
    [property: Id(1)] Guid ReferrerId);
