using Microsoft.Extensions.Logging;
using Orleans.Streams;
using Orleans.Streams.Core;
using Referral.Grains.Abstractions.Referrals;
using Referral.Grains.Abstractions.Wheel;

namespace Referral.Grains.Referrals;

public sealed partial class ReferralFeedGrain
{
    public const string WheelKey = "wheel";

    /// <summary>Wheel spins (key <c>wheel</c>) qualify "first wheel spin" referrals; other keys are not the engine's.</summary>
    private async Task OnOtherStream(IStreamSubscriptionHandleFactory handleFactory)
    {
        if (handleFactory.StreamId.GetKeyAsString() == WheelKey)
        {
            await handleFactory.Create<WheelSpun>().ResumeAsync((spun, _) => OnWheelSpun(spun));
        }
    }

    private async Task OnWheelSpun(WheelSpun spun)
    {
        try
        {
            // Delivered at least once per spin: the spin id makes a repeat count once.
            await GrainFactory.GetGrain<IReferralGrain>(spun.UserId).WheelSpun($"wheel:{spun.SpinId}", spun.At);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            LogQualifyFailed(logger, spun.UserId, e);
        }
    }
}
