using Referral.Grains.Abstractions.Referrals;

namespace Referral.Grains.Referrals;

/// <summary>
/// A campaign's rules and budget. <see cref="Reservations"/> holds one entry per paid referral
/// (its cost per currency), so a retried reservation is recognised; it grows with paid referrals.
/// </summary>
[GenerateSerializer, Alias("Referral.Referrals.CampaignState")]
public sealed class CampaignState
{
    [Id(0)] public CampaignDefinition? Definition { get; set; }

    [Id(1)] public CampaignStatus Status { get; set; }

    [Id(2)] public DateTimeOffset CreatedAt { get; set; }

    [Id(3)] public DateTimeOffset UpdatedAt { get; set; }

    [Id(4)] public Dictionary<string, long> Spent { get; set; } = new(StringComparer.Ordinal);

    [Id(5)] public Dictionary<string, Dictionary<string, long>> Reservations { get; set; } = new(StringComparer.Ordinal);
}
