namespace Referral.Grains.Abstractions.Referrals;

/// <summary>Risk band of a referral's fraud score: low is automatic, medium waits for review, high is rejected.</summary>
public enum FraudRisk
{
    Low = 0,
    Medium = 1,
    High = 2,
}
