using Referral.Grains.Abstractions.Referrals;
using Referral.Grains.Abstractions.Wallet;

namespace Referral.Grains.Tests.Referrals;

/// <summary>Builds campaigns, referrers and signups for the referral grain tests.</summary>
public static class ReferralTestKit
{
    public static CampaignDefinition Campaign(
        QualifyingEvent qualifying = QualifyingEvent.FirstQuizCompleted,
        long referrerPoints = 100,
        long refereePoints = 50,
        int? cap = null,
        Dictionary<string, long>? budget = null,
        MilestoneTier[]? milestones = null,
        TimeSpan? window = null,
        TimeSpan? hold = null,
        int quizzes = 0,
        int maxPerHour = 0) => new(
            "Test campaign", null, null, qualifying, quizzes, window ?? TimeSpan.FromDays(30), hold ?? TimeSpan.Zero, cap, budget,
            milestones ?? [],
            [new OfferVariant("default", 1, [new RewardSpec(Currencies.Points, referrerPoints)], [new RewardSpec(Currencies.Points, refereePoints)])],
            maxPerHour);

    public static async Task<Guid> ActiveCampaign(IGrainFactory grains, CampaignDefinition definition)
    {
        var id = Guid.NewGuid();
        var created = await grains.GetGrain<ICampaignGrain>(id).Create(definition);
        if (!created.Ok)
        {
            throw new InvalidOperationException($"{created.Error}: {created.Detail} {string.Join("; ", created.Errors?.Select(e => e.Key + "=" + string.Join(",", e.Value)) ?? [])}");
        }

        var active = await grains.GetGrain<ICampaignGrain>(id).SetStatus(CampaignStatus.Active);
        return active.Ok ? id : throw new InvalidOperationException(active.Detail);
    }

    public static async Task<string> Code(IGrainFactory grains, Guid campaignId, Guid referrerId, string name = "Alice") =>
        await Referrer(grains, campaignId, referrerId).Code(name);

    public static IReferrerGrain Referrer(IGrainFactory grains, Guid campaignId, Guid referrerId) =>
        grains.GetGrain<IReferrerGrain>(ReferrerKeys.For(campaignId, referrerId));

    /// <summary>A signup from its own device, network and mailbox (nothing shared with anyone).</summary>
    public static SignupContext Signup(string? code, string name = "Friend", string? email = null, string? deviceId = null, string? device = null, bool disposable = false)
    {
        var unique = Guid.NewGuid().ToString("N");
        return new SignupContext(name, code, email ?? "email-" + unique, disposable, deviceId ?? "id-" + unique, device ?? "dev-" + unique,
            "net-" + unique, "na-" + unique);
    }

    public static async Task<long> Points(IGrainFactory grains, Guid userId) =>
        (await grains.GetGrain<IRewardWalletGrain>(userId).Balances())[Currencies.Points];
}
