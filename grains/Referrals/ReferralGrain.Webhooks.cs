namespace Referral.Grains.Referrals;

public sealed partial class ReferralGrain
{
    // Wired to the campaign's webhook grain once that lands (see docs/webhooks.md).
    private static Task Webhook(string type) => Task.CompletedTask;
}
