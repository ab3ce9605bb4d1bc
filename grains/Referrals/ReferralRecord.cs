using Referral.Grains.Abstractions.Referrals;

namespace Referral.Grains.Referrals;

/// <summary>A referee's referral: attribution, lifecycle, fraud assessment, payout outbox, audit trail.</summary>
[GenerateSerializer, Alias("Referral.Referrals.ReferralRecord")]
public sealed class ReferralRecord
{
    [Id(0)] public Guid CampaignId { get; set; }

    [Id(1)] public Guid ReferrerId { get; set; }

    [Id(2)] public string Code { get; set; } = "";

    [Id(3)] public string Variant { get; set; } = "";

    /// <summary>Sealed with the personal-data protector (see <see cref="PersonalText"/>).</summary>
    [Id(4)] public string RefereeName { get; set; } = "";

    [Id(5)] public ReferralStatus Status { get; set; }

    [Id(6)] public string? Reason { get; set; }

    [Id(7)] public DateTimeOffset SignedUpAt { get; set; }

    [Id(8)] public DateTimeOffset? QualifiedAt { get; set; }

    [Id(9)] public DateTimeOffset? ApprovedAt { get; set; }

    [Id(10)] public DateTimeOffset? RewardedAt { get; set; }

    [Id(11)] public int Score { get; set; }

    [Id(12)] public FraudRisk Risk { get; set; }

    [Id(13)] public List<FraudSignal> Signals { get; set; } = new();

    [Id(14)] public bool ReviewRequired { get; set; }

    [Id(15)] public bool Reviewed { get; set; }

    /// <summary>The outbox: every grant of the payout, with the wallet entry once acknowledged.</summary>
    [Id(16)] public List<RewardGrant> Grants { get; set; } = new();

    [Id(17)] public List<AuditEntry> Audit { get; set; } = new();

    [Id(18)] public int Quizzes { get; set; }

    /// <summary>Event ids already counted toward qualification (bounded).</summary>
    [Id(19)] public List<string> CountedEvents { get; set; } = new();

    /// <summary>A clawback whose reversing entries are not all written yet.</summary>
    [Id(20)] public bool ReversalPending { get; set; }

    [Id(21)] public TimeSpan Hold { get; set; }
}
