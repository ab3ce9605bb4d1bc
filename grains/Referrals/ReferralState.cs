using Referral.Grains.Abstractions.Referrals;

namespace Referral.Grains.Referrals;

/// <summary>A user's signup fingerprints and, if someone referred them, that referral.</summary>
[GenerateSerializer, Alias("Referral.Referrals.ReferralState")]
public sealed class ReferralState
{
    [Id(0)] public SignupContext? Signup { get; set; }

    [Id(1)] public ReferralRecord? Referral { get; set; }
}
