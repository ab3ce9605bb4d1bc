using Referral.LoadGen;
using Referral.LoadGen.Referrals;
using Referral.Testing;
using Xunit;

namespace Referral.LoadGen.Tests;

/// <summary>
/// A small run of the <c>referrals</c> scenario against a real api on a loopback port: 40 signups
/// with codes over 3 referrers with a cap of 10 (one referrer goes over it), after 20 baseline
/// signups. Guards the scenario and the engine's exactness together.
/// </summary>
public sealed class ReferralsSmokeTests(ReferralApiFactory api) : IClassFixture<ReferralApiFactory>
{
    [Fact]
    public async Task FortySignupsWithCodesPayExactlyWhatTheCampaignAllows()
    {
        var options = LoadGenOptions.Parse(["referrals", "--players", "40", "--referrers", "3", "--cap", "10", "--rate", "0", "--batch", "8"])
            with { AdminEmail = ReferralApiFactory.AdminEmail, AdminPassword = AuthClient.Password };

        var metrics = await new ReferralRun(options, api.ServerAddress, "memory", TextWriter.Null).RunAsync(TestContext.Current.CancellationToken);

        Assert.True(metrics.Errors.Count == 0, "errors: " + string.Join(", ", metrics.Errors.Select(e => $"{e.Key}={e.Value}")));
        Assert.Equal(40, metrics.Signup.Count);
        Assert.Equal(20, metrics.BaselineSignup.Count);

        // 40 round-robin over 3 referrers: 14, 13, 13 friends; the cap pays 10 each.
        Assert.Equal(30, metrics.ExpectedRewarded);
        Assert.Equal(30, metrics.Rewarded);
        Assert.Equal(10, metrics.RejectedCap);
        Assert.Equal(3, metrics.MilestonesPaid);
        Assert.Equal((30 * 10) + (3 * 100), metrics.ReferrerPoints);
        Assert.Equal(30 * 5, metrics.FriendPoints);
        Assert.Equal(metrics.ReferrerPoints + metrics.FriendPoints, metrics.CampaignSpent);
        Assert.True(metrics.Exact);
    }
}
