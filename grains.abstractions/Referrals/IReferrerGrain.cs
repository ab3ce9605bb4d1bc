using Orleans.Concurrency;

namespace Referral.Grains.Abstractions.Referrals;

/// <summary>
/// One referrer in one campaign (key <c>"{campaignId:N}:{userId:N}"</c>, see <see cref="ReferrerKeys"/>):
/// the personal code, the friends list, and the counter behind the per-referrer cap and the
/// milestones. Claims go through this one grain, so 1,000 friends qualifying at once are counted
/// one after another and the cap and milestones stay exact.
/// </summary>
public interface IReferrerGrain : IGrainWithStringKey
{
    /// <summary>The referrer's personal code, drawn on first use (unique, unguessable).</summary>
    ValueTask<string> Code(string displayName);

    /// <summary>Remembers the fingerprints of a request the referrer made.</summary>
    ValueTask Seen(SeenContext context);

    /// <summary>A click on the referrer's link (tells the referrer live).</summary>
    ValueTask Clicked(long clicks, DateTimeOffset at);

    /// <summary>A friend signed up with the code; returns what the fraud rules need.</summary>
    ValueTask<ReferrerFacts> FriendJoined(Guid refereeId, string name, DateTimeOffset at);

    /// <summary>Decides, at most once per friend, whether the referral may be paid and what to pay.</summary>
    ValueTask<RewardClaim> Claim(Guid refereeId);

    /// <summary>A clawback: the friend no longer counts and the campaign budget gets its share back.</summary>
    ValueTask Unclaim(Guid refereeId);

    [ReadOnly]
    ValueTask<ReferrerSummary> Summary(int skip, int take);

    /// <summary>A friend was deleted: their name leaves the list.</summary>
    ValueTask ForgetFriend(Guid refereeId);

    /// <summary>The referrer was deleted: their name leaves this record and the leaderboard.</summary>
    ValueTask Forget();
}
