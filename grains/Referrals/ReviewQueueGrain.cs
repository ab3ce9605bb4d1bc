using Referral.Grains.Abstractions;
using Referral.Grains.Abstractions.Referrals;

namespace Referral.Grains.Referrals;

/// <summary>
/// Referrals of medium fraud risk waiting for an admin, oldest first. Only an index: each
/// referral's own grain holds its decision and audit trail, so losing a queue write loses no
/// decision (a referral re-adds itself on signup and removes itself when decided).
/// </summary>
public sealed class ReviewQueueGrain(
    [PersistentState("review", StorageNames.Default)] IPersistentState<ReviewQueueState> state) : Grain, IReviewQueueGrain
{
    public async ValueTask Add(ReviewItem item)
    {
        if (!state.State.Items.Exists(i => i.RefereeId == item.RefereeId))
        {
            state.State.Items.Add(item);
            await state.WriteStateAsync();
        }
    }

    public async ValueTask Remove(Guid refereeId)
    {
        if (state.State.Items.RemoveAll(i => i.RefereeId == refereeId) > 0)
        {
            await state.WriteStateAsync();
        }
    }

    public ValueTask<ReviewPage> List(int skip, int take) => ValueTask.FromResult(new ReviewPage(
        [.. state.State.Items.Skip(Math.Max(0, skip)).Take(Math.Clamp(take, 0, 100))],
        state.State.Items.Count));
}
