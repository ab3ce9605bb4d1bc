namespace Referral.Grains.Referrals;

[GenerateSerializer, Alias("Referral.Referrals.CampaignDirectoryState")]
public sealed class CampaignDirectoryState
{
    [Id(0)] public List<Guid> Campaigns { get; set; } = new();
}
