using Referral.Grains.Referrals.Fraud;

namespace Referral.Api.Referrals;

/// <summary>Email facts for the fraud rules: the canonical mailbox and whether the domain is disposable.</summary>
public static class FraudEmail
{
    public static string Normalize(string email) => EmailNormalizer.ForFraud(email);

    public static bool IsDisposable(string email) => DisposableEmailDomains.IsDisposable(email);
}
