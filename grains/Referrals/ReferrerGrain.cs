using Microsoft.Extensions.Logging;
using Orleans.Runtime;
using Referral.Grains.Abstractions;
using Referral.Grains.Abstractions.Referrals;
using Referral.Grains.Accounts;

namespace Referral.Grains.Referrals;

/// <summary>
/// One referrer in one campaign: personal code, friends, and the claims that decide, once per
/// friend, what is paid. Claims are judged one at a time here, so the per-referrer cap and the
/// milestones stay exact when many friends qualify together; the campaign grain does the same for
/// the budget. Live notices go to the referrer's user stream.
/// </summary>
public sealed partial class ReferrerGrain(
    [PersistentState("referrer", StorageNames.Default)] IPersistentState<ReferrerState> state,
    TimeProvider time,
    IPersonalDataProtector protector,
    ILogger<ReferrerGrain> logger) : Grain, IReferrerGrain
{
    /// <summary>Fingerprints remembered per kind (most recent kept).</summary>
    public const int MaxKeys = 20;

    private const int MaxCodeAttempts = 10;

    private const long CampaignCacheAgeMs = 1_000;

    private Guid _campaignId;
    private Guid _userId;
    private CampaignView? _campaign;
    private long _campaignReadAt;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (!ReferrerKeys.TryParse(this.GetPrimaryKeyString(), out _campaignId, out _userId))
        {
            throw new InvalidOperationException($"Bad referrer key '{this.GetPrimaryKeyString()}'.");
        }

        return Task.CompletedTask;
    }

    public async ValueTask<string> Code(string displayName)
    {
        if (state.State.Code is { } existing)
        {
            if (Name != displayName && !string.IsNullOrWhiteSpace(displayName))
            {
                state.State.Name = PersonalText.Seal(protector, displayName);
                await state.WriteStateAsync();
            }

            return existing;
        }

        var target = new CodeTarget(_campaignId, _userId);
        for (var attempt = 0; attempt < MaxCodeAttempts; attempt++)
        {
            var code = ReferralCodes.New();
            if (await GrainFactory.GetGrain<IReferralCodeGrain>(code).Claim(target))
            {
                state.State.Code = code;
                state.State.Name = PersonalText.Seal(protector, displayName);
                await state.WriteStateAsync();
                return code;
            }
        }

        throw new InvalidOperationException("Could not draw a free referral code.");
    }

    public async ValueTask Seen(SeenContext context)
    {
        var changed = (context.DeviceKey is { } device && Remember(state.State.DeviceKeys, device))
            | Remember(state.State.NetworkAgentKeys, context.NetworkAgentKey)
            | (context.DeviceIdKey is { } id && Remember(state.State.DeviceIdKeys, id));
        if (changed)
        {
            await state.WriteStateAsync();
        }
    }

    public async ValueTask Clicked(long clicks, DateTimeOffset at)
    {
        state.State.Clicks = Math.Max(state.State.Clicks, clicks);
        await Notify(new ReferralActivity(_campaignId, ReferralActivityKinds.LinkClicked, null, null, null, null, null, null, clicks, at));
    }

    public async ValueTask<ReferrerFacts> FriendJoined(Guid refereeId, string name, DateTimeOffset at)
    {
        var now = time.GetUtcNow();
        var recent = state.State.RecentSignups;
        recent.RemoveAll(t => t <= now - TimeSpan.FromHours(1));
        var known = state.State.Friends.Exists(f => f.RefereeId == refereeId);
        if (!known)
        {
            recent.Add(at);
            state.State.Friends.Add(new FriendEntry(refereeId, PersonalText.Seal(protector, name), at));
            await state.WriteStateAsync();
            await Notify(new ReferralActivity(_campaignId, ReferralActivityKinds.FriendJoined, refereeId, name, ReferralStatus.Pending, null, null, null, null, at));
        }

        var variant = await Variant();
        return new ReferrerFacts(variant?.Name ?? "", recent.Count, [.. state.State.DeviceKeys], [.. state.State.NetworkAgentKeys], [.. state.State.DeviceIdKeys]);
    }

    public async ValueTask<RewardClaim> Claim(Guid refereeId)
    {
        if (state.State.Claims.TryGetValue(refereeId, out var decided))
        {
            return decided;
        }

        var campaignGrain = GrainFactory.GetGrain<ICampaignGrain>(_campaignId);
        var campaign = await Campaign();
        var now = time.GetUtcNow();
        RewardClaim claim;
        if (campaign is null || !campaign.IsLive(now))
        {
            claim = Refused(RejectReasons.CampaignNotLive);
        }
        else if (campaign.Definition.PerReferrerCap is { } cap && state.State.Rewarded >= cap)
        {
            claim = Refused(RejectReasons.Cap);
        }
        else
        {
            var grants = Plan(campaign.Definition, refereeId, out var milestone);
            var cost = grants
                .Where(g => g.Reward.Currency != RewardSpec.Code)
                .GroupBy(g => g.Reward.Currency, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Sum(x => x.Reward.Amount), StringComparer.Ordinal);
            var reservation = await campaignGrain.Reserve(refereeId.ToString("N"), cost);
            claim = reservation.Granted ? new RewardClaim(true, null, grants, milestone) : Refused(RejectReasons.Budget);
        }

        state.State.Claims[refereeId] = claim;
        if (claim.Granted)
        {
            state.State.Rewarded++;
            state.State.Version++;
            if (claim.Milestone is { } reached)
            {
                state.State.Milestones.Add(reached);
            }
        }

        await state.WriteStateAsync();
        if (claim.Granted)
        {
            UpdateLeaderboard();
            if (claim.Milestone is { } reached)
            {
                var bonus = claim.Grants.Where(g => g.Role == RewardGrant.MilestoneRole).Select(g => g.Reward).ToList();
                await Notify(new ReferralActivity(_campaignId, ReferralActivityKinds.MilestoneReached, null, null, null, null, bonus, reached, null, now));
            }
        }

        return claim;
    }

    public async ValueTask Unclaim(Guid refereeId)
    {
        if (!state.State.Claims.TryGetValue(refereeId, out var claim) || !claim.Granted)
        {
            return;
        }

        await GrainFactory.GetGrain<ICampaignGrain>(_campaignId).Release(refereeId.ToString("N"));
        state.State.Claims[refereeId] = claim with { Granted = false, Reason = "reversed" };
        state.State.Rewarded--;
        state.State.Version++;
        if (claim.Milestone is { } milestone)
        {
            state.State.Milestones.Remove(milestone);
        }

        await state.WriteStateAsync();
        UpdateLeaderboard();
    }

    public async ValueTask<ReferrerSummary> Summary(int skip, int take)
    {
        var friends = state.State.Friends;
        var entries = friends.AsEnumerable().Reverse().Skip(Math.Max(0, skip)).Take(Math.Clamp(take, 0, 100)).ToList();
        var views = await Task.WhenAll(entries.Select(f => GrainFactory.GetGrain<IReferralGrain>(f.RefereeId).Get().AsTask()));
        var page = entries.Zip(views, (f, v) => new ReferredFriend(
            f.RefereeId, PersonalText.Open(protector, f.Name), v?.Status ?? ReferralStatus.Pending, v?.Reason, f.SignedUpAt,
            v is null ? f.SignedUpAt : v.Audit.Count > 0 ? v.Audit[^1].At : f.SignedUpAt, ReferrerRewards(f.RefereeId))).ToList();
        var variant = await Variant();
        return new ReferrerSummary(
            _campaignId, state.State.Code, variant?.Name ?? "", state.State.Clicks, state.State.Rewarded,
            [.. state.State.Milestones.Order()], page, friends.Count);
    }

    /// <summary>What a granted claim pays this referrer for the friend (a reversed claim is no longer granted).</summary>
    private List<RewardSpec> ReferrerRewards(Guid refereeId) =>
        state.State.Claims.TryGetValue(refereeId, out var claim) && claim.Granted
            ? [.. claim.Grants.Where(g => g.Role is RewardGrant.ReferrerRole or RewardGrant.MilestoneRole).Select(g => g.Reward)]
            : [];

    private List<RewardGrant> Plan(CampaignDefinition definition, Guid refereeId, out int? milestone)
    {
        var variant = OfferAssignment.Pick(_campaignId, _userId, definition.Variants);
        var grants = new List<RewardGrant>();
        var prefix = $"referral:{_campaignId:N}:{refereeId:N}";
        for (var i = 0; i < variant.ReferrerRewards.Count; i++)
        {
            grants.Add(new RewardGrant(_userId, RewardGrant.ReferrerRole, variant.ReferrerRewards[i], $"{prefix}:referrer:{i}", null, null, null));
        }

        for (var i = 0; i < variant.RefereeRewards.Count; i++)
        {
            grants.Add(new RewardGrant(refereeId, RewardGrant.RefereeRole, variant.RefereeRewards[i], $"{prefix}:referee:{i}", null, null, null));
        }

        milestone = null;
        var next = state.State.Rewarded + 1;
        if (definition.Milestones.FirstOrDefault(m => m.Referrals == next) is { } tier && !state.State.Milestones.Contains(next))
        {
            milestone = next;
            for (var i = 0; i < tier.Bonus.Count; i++)
            {
                grants.Add(new RewardGrant(_userId, RewardGrant.MilestoneRole, tier.Bonus[i], $"milestone:{_campaignId:N}:{_userId:N}:{next}:{i}", null, null, null));
            }
        }

        return grants;
    }

    private async Task<OfferVariant?> Variant()
    {
        var campaign = await Campaign();
        return campaign is null ? null : OfferAssignment.Pick(_campaignId, _userId, campaign.Definition.Variants);
    }

    /// <summary>
    /// The campaign's rules, re-read at most once a second: a burst of friends qualifying does
    /// not queue on the campaign grain for rules it has just sent. The budget is still judged by
    /// the campaign grain itself on every claim.
    /// </summary>
    private async Task<CampaignView?> Campaign()
    {
        // Cache age on the machine's tick count, not the (possibly simulated) business clock.
        var now = Environment.TickCount64;
        if (_campaign is null || now - _campaignReadAt > CampaignCacheAgeMs)
        {
            _campaign = await GrainFactory.GetGrain<ICampaignGrain>(_campaignId).Get();
            _campaignReadAt = now;
        }

        return _campaign;
    }

    /// <summary>
    /// Not awaited: the board takes absolute counts with a version, so order does not matter,
    /// and a lost update is corrected by this referrer's next change.
    /// </summary>
    private void UpdateLeaderboard()
    {
        GrainFactory.GetGrain<ICampaignLeaderboardGrain>(_campaignId)
            .Set(_userId, Name, state.State.Rewarded, state.State.Version)
            .AsTask()
            .ContinueWith(t => LogLeaderboardFailed(logger, t.Exception!), CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Current);
    }

    private async Task Notify(ReferralActivity activity)
    {
        try
        {
            await this.GetStreamProvider(StorageNames.StreamProvider)
                .GetStream<ReferralActivity>(StreamId.Create(StreamNamespaces.User, _userId))
                .OnNextAsync(activity);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Live notices are best effort; the summary endpoint is the truth.
            LogNotifyFailed(logger, e);
        }
    }

    public async ValueTask ForgetFriend(Guid refereeId)
    {
        var index = state.State.Friends.FindIndex(f => f.RefereeId == refereeId);
        if (index >= 0 && state.State.Friends[index].Name.Length > 0)
        {
            state.State.Friends[index] = state.State.Friends[index] with { Name = "" };
            await state.WriteStateAsync();
        }
    }

    public async ValueTask Forget()
    {
        if (state.State.Code is null && state.State.Friends.Count == 0)
        {
            return;
        }

        state.State.Name = "";
        state.State.DeviceKeys.Clear();
        state.State.NetworkAgentKeys.Clear();
        state.State.DeviceIdKeys.Clear();
        state.State.Version++;
        await state.WriteStateAsync();
        UpdateLeaderboard();
    }

    /// <summary>The referrer's display name (stored sealed, like every name in referral state).</summary>
    private string Name => PersonalText.Open(protector, state.State.Name);

    private static RewardClaim Refused(string reason) => new(false, reason, [], null);

    private static bool Remember(List<string> keys, string key)
    {
        if (keys.Count > 0 && keys[^1] == key)
        {
            return false;
        }

        keys.Remove(key);
        keys.Add(key);
        if (keys.Count > MaxKeys)
        {
            keys.RemoveAt(0);
        }

        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The campaign leaderboard could not be updated.")]
    private static partial void LogLeaderboardFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A referral notice could not be published.")]
    private static partial void LogNotifyFailed(ILogger logger, Exception exception);
}
