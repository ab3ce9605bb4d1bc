using Orleans.Concurrency;

namespace Referral.Grains.Abstractions.Referrals;

/// <summary>The fraud review queue (one grain, key 0): referrals of medium risk waiting for an admin.</summary>
public interface IReviewQueueGrain : IGrainWithIntegerKey
{
    ValueTask Add(ReviewItem item);

    ValueTask Remove(Guid refereeId);

    [ReadOnly]
    ValueTask<ReviewPage> List(int skip, int take);
}
