using Referral.Grains.Abstractions.Referrals;

namespace Referral.Grains.Referrals;

[GenerateSerializer, Alias("Referral.Referrals.ReviewQueueState")]
public sealed class ReviewQueueState
{
    [Id(0)] public List<ReviewItem> Items { get; set; } = new();
}
