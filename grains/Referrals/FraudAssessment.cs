using Referral.Grains.Abstractions.Referrals;

namespace Referral.Grains.Referrals;

/// <summary>A referral's fraud score, its risk band, the rules that fired, and the reject reason when high.</summary>
public sealed record FraudAssessment(int Score, FraudRisk Risk, IReadOnlyList<FraudSignal> Signals, string? RejectReason);
