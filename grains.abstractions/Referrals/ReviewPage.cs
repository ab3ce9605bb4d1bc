namespace Referral.Grains.Abstractions.Referrals;

/// <summary>A page of the review queue, oldest first, and the queue length.</summary>
[GenerateSerializer, Immutable, Alias("Referral.Referrals.ReviewPage")]
public sealed record ReviewPage(
    [property: Id(0)] IReadOnlyList<ReviewItem> Items,
    [property: Id(1)] int Total);
