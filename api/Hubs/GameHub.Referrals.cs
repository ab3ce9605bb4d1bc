using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.SignalR;
using Referral.Api.Auth;
using Referral.Api.Referrals;
using Referral.Grains.Abstractions.Referrals;

namespace Referral.Api.Hubs;

public sealed partial class GameHub
{
    /// <summary>
    /// Live referral events for the caller (<c>referralActivity</c>: clicks on their link, friends
    /// joining and moving on, rewards, milestones) and, with a campaign id, that campaign's
    /// leaderboard (<c>leaderboardChanged</c>). Replaces what this connection watched before.
    /// </summary>
    public async Task WatchReferrals(Guid? campaignId, [FromServices] IGrainFactory grains, [FromServices] ReferralRelay relay)
    {
        if (campaignId is { } id && await grains.GetGrain<ICampaignGrain>(id).Get() is not { Status: not CampaignStatus.Draft })
        {
            throw new HubException($"{ReferralErrors.CampaignNotFound}: No such campaign.");
        }

        await relay.WatchAsync(Context.ConnectionId, Context.User!.UserId(), campaignId);
    }

    public async Task UnwatchReferrals([FromServices] ReferralRelay relay) => await relay.UnwatchAsync(Context.ConnectionId);
}
