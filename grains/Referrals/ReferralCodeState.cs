using Referral.Grains.Abstractions.Referrals;

namespace Referral.Grains.Referrals;

[GenerateSerializer, Alias("Referral.Referrals.ReferralCodeState")]
public sealed class ReferralCodeState
{
    [Id(0)] public CodeTarget? Target { get; set; }

    [Id(1)] public long Clicks { get; set; }

    /// <summary>First click per visitor key (bounded by <see cref="ReferralCodeGrain.MaxDevices"/>).</summary>
    [Id(2)] public Dictionary<string, DateTimeOffset> FirstClicks { get; set; } = new(StringComparer.Ordinal);

    [Id(3)] public DateTimeOffset? LastClickAt { get; set; }
}
