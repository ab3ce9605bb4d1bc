namespace Referral.Grains.Abstractions.Referrals;

/// <summary>A campaign as admins see it, with what it has spent.</summary>
[GenerateSerializer, Immutable, Alias("Referral.Referrals.CampaignView")]
public sealed record CampaignView(
    [property: Id(0)] Guid Id,
    [property: Id(1)] CampaignDefinition Definition,
    [property: Id(2)] CampaignStatus Status,
    [property: Id(3)] DateTimeOffset CreatedAt,
    [property: Id(4)] DateTimeOffset UpdatedAt,
    [property: Id(5)] IReadOnlyDictionary<string, long> Spent,
    [property: Id(6)] int RewardedReferrals)
{
    /// <summary>True when the campaign attributes and pays at <paramref name="now"/>.</summary>
    public bool IsLive(DateTimeOffset now) =>
        Status == CampaignStatus.Active
        && (Definition.StartsAt is not { } start || now >= start)
        && (Definition.EndsAt is not { } end || now < end);
}
