namespace Referral.Grains.Abstractions.Referrals;

/// <summary>A campaign, or a stable error code (<see cref="ReferralErrors"/>) with field errors for validation.</summary>
[GenerateSerializer, Immutable, Alias("Referral.Referrals.CampaignOutcome")]
public sealed record CampaignOutcome(
    [property: Id(0)] CampaignView? Campaign,
    [property: Id(1)] string? Error,
    [property: Id(2)] string? Detail,
    [property: Id(3)] IReadOnlyDictionary<string, string[]>? Errors)
{
    public bool Ok => Error is null;

    public static CampaignOutcome Success(CampaignView campaign) => new(campaign, null, null, null);

    public static CampaignOutcome Fail(string error, string detail) => new(null, error, detail, null);

    public static CampaignOutcome Invalid(IReadOnlyDictionary<string, string[]> errors) =>
        new(null, ReferralErrors.InvalidCampaign, "The campaign has invalid fields.", errors);
}
