using Orleans.Streams.Core;

namespace Referral.Grains.Referrals;

public sealed partial class ReferralFeedGrain
{
    // Wheel spins arrive on key "wheel" once the wheel lands.
    private static Task OnOtherStream(IStreamSubscriptionHandleFactory handleFactory) => Task.CompletedTask;
}
