using Referral.Grains.Abstractions.Referrals;

namespace Referral.Grains.Referrals;

/// <summary>
/// Scores a new referral: each rule that fires adds its points (<see cref="FraudRules.Points"/>);
/// the total falls into low (automatic), medium (review) or high (rejected). Pure, so every rule
/// is unit-tested without a cluster.
/// </summary>
public static class FraudScoring
{
    public static FraudAssessment Assess(FraudInput input, int mediumScore, int highScore)
    {
        var fired = new List<string>();
        var referee = input.Referee;
        var referrer = input.Referrer;
        var referrerSignup = input.ReferrerSignup;

        if (input.RefereeId == input.ReferrerId)
        {
            fired.Add(FraudRules.SelfAccount);
        }

        if (referee.EmailKey is { } email && referrerSignup?.EmailKey == email)
        {
            fired.Add(FraudRules.SameEmail);
        }

        if (referee.DeviceIdKey is { } deviceId
            && (referrer.DeviceIdKeys.Contains(deviceId) || referrerSignup?.DeviceIdKey == deviceId))
        {
            fired.Add(FraudRules.SameDeviceId);
        }

        if (input.ReferrerChainContainsReferee)
        {
            fired.Add(FraudRules.Loop);
        }

        if (referee.DeviceKey is { } device && (referrer.DeviceKeys.Contains(device) || referrerSignup?.DeviceKey == device))
        {
            fired.Add(FraudRules.SameDevice);
        }
        else if (referrer.NetworkAgentKeys.Contains(referee.NetworkAgentKey) || referrerSignup?.NetworkAgentKey == referee.NetworkAgentKey)
        {
            // Same network and same user agent but a different device fingerprint: a weaker hint
            // of the same person; not counted on top of the same fingerprint.
            fired.Add(FraudRules.SameNetworkAndAgent);
        }

        if (referee.DisposableEmail)
        {
            fired.Add(FraudRules.DisposableEmail);
        }

        if (input.MaxSignupsPerHour > 0 && referrer.SignupsLastHour > input.MaxSignupsPerHour)
        {
            fired.Add(FraudRules.Velocity);
        }

        var signals = fired.Select(rule => new FraudSignal(rule, FraudRules.Points(rule))).ToList();
        var score = signals.Sum(s => s.Points);
        var risk = score >= highScore ? FraudRisk.High : score >= mediumScore ? FraudRisk.Medium : FraudRisk.Low;
        var reason = risk != FraudRisk.High ? null
            : fired.Any(FraudRules.IsSelfReferral) ? RejectReasons.SelfReferral
            : RejectReasons.Fraud;
        return new FraudAssessment(score, risk, signals, reason);
    }
}
