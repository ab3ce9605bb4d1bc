namespace Referral.Grains.Referrals;

[GenerateSerializer, Alias("Referral.Referrals.LeaderboardState")]
public sealed class LeaderboardState
{
    [Id(0)] public Dictionary<Guid, LeaderboardRow> Rows { get; set; } = new();
}
