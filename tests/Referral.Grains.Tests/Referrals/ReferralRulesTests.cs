using Referral.Grains.Abstractions.Referrals;
using Referral.Grains.Referrals;
using Xunit;

namespace Referral.Grains.Tests.Referrals;

/// <summary>The referral engine's pure rules: lifecycle, qualification, windows, fraud, validation, A/B, codes.</summary>
public sealed class ReferralRulesTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(ReferralStatus.Pending, ReferralStatus.Qualified, true)]
    [InlineData(ReferralStatus.Pending, ReferralStatus.Rejected, true)]
    [InlineData(ReferralStatus.Pending, ReferralStatus.Approved, false)]
    [InlineData(ReferralStatus.Pending, ReferralStatus.Rewarded, false)]
    [InlineData(ReferralStatus.Qualified, ReferralStatus.Approved, true)]
    [InlineData(ReferralStatus.Qualified, ReferralStatus.Rejected, true)]
    [InlineData(ReferralStatus.Qualified, ReferralStatus.Reversed, false)]
    [InlineData(ReferralStatus.Approved, ReferralStatus.Rewarded, true)]
    [InlineData(ReferralStatus.Approved, ReferralStatus.Rejected, false)]
    [InlineData(ReferralStatus.Approved, ReferralStatus.Reversed, true)]
    [InlineData(ReferralStatus.Rewarded, ReferralStatus.Reversed, true)]
    [InlineData(ReferralStatus.Rewarded, ReferralStatus.Rejected, false)]
    [InlineData(ReferralStatus.Rejected, ReferralStatus.Qualified, false)]
    [InlineData(ReferralStatus.Reversed, ReferralStatus.Rewarded, false)]
    public void TheLifecycleAllowsOnlyForwardMoves(ReferralStatus from, ReferralStatus to, bool allowed) =>
        Assert.Equal(allowed, ReferralLifecycle.CanMove(from, to));

    [Theory]
    [InlineData(QualifyingEvent.Signup, 0, 0, false, true)]
    [InlineData(QualifyingEvent.FirstQuizCompleted, 1, 0, false, false)]
    [InlineData(QualifyingEvent.FirstQuizCompleted, 1, 1, false, true)]
    [InlineData(QualifyingEvent.QuizzesCompleted, 3, 2, false, false)]
    [InlineData(QualifyingEvent.QuizzesCompleted, 3, 3, false, true)]
    [InlineData(QualifyingEvent.FirstWheelSpin, 0, 5, false, false)]
    [InlineData(QualifyingEvent.FirstWheelSpin, 0, 0, true, true)]
    public void QualificationFollowsTheCampaignsEvent(QualifyingEvent rule, int required, int quizzes, bool spun, bool qualified) =>
        Assert.Equal(qualified, ReferralLifecycle.IsQualified(rule, required, quizzes, spun));

    [Fact]
    public void OnlyEventsOfTheRightKindCount()
    {
        Assert.True(ReferralLifecycle.Counts(QualifyingEvent.FirstQuizCompleted, wheel: false));
        Assert.True(ReferralLifecycle.Counts(QualifyingEvent.QuizzesCompleted, wheel: false));
        Assert.False(ReferralLifecycle.Counts(QualifyingEvent.FirstWheelSpin, wheel: false));
        Assert.True(ReferralLifecycle.Counts(QualifyingEvent.FirstWheelSpin, wheel: true));
        Assert.False(ReferralLifecycle.Counts(QualifyingEvent.Signup, wheel: true));
    }

    [Fact]
    public void TheWindowIncludesItsLastInstantAndNothingAfter()
    {
        var window = TimeSpan.FromDays(7);
        Assert.True(ReferralLifecycle.WithinWindow(T0, T0 + window, window));
        Assert.False(ReferralLifecycle.WithinWindow(T0, T0 + window + TimeSpan.FromTicks(1), window));
        Assert.Equal(T0 + TimeSpan.FromHours(48), ReferralLifecycle.HoldEndsAt(T0, TimeSpan.FromHours(48)));
    }

    [Fact]
    public void AdminDecisionsFitTheState()
    {
        Assert.True(ReferralLifecycle.CanReview(ReferralStatus.Qualified, reviewRequired: true, reviewed: false));
        Assert.False(ReferralLifecycle.CanReview(ReferralStatus.Qualified, reviewRequired: false, reviewed: false));
        Assert.False(ReferralLifecycle.CanReview(ReferralStatus.Qualified, reviewRequired: true, reviewed: true));
        Assert.False(ReferralLifecycle.CanReview(ReferralStatus.Rejected, reviewRequired: true, reviewed: false));
        Assert.True(ReferralLifecycle.CanReject(ReferralStatus.Pending));
        Assert.False(ReferralLifecycle.CanReject(ReferralStatus.Rewarded));
        Assert.True(ReferralLifecycle.CanReverse(ReferralStatus.Rewarded));
        Assert.False(ReferralLifecycle.CanReverse(ReferralStatus.Pending));
    }

    private static SignupContext Context(string device = "d1", string networkAgent = "na1", string? email = "e1", string? deviceId = "id1", bool disposable = false) =>
        new("Friend", "CODE2345", email, disposable, deviceId, device, "net1", networkAgent);

    private static ReferrerFacts Facts(int lastHour = 1, string[]? devices = null, string[]? networkAgents = null, string[]? deviceIds = null) =>
        new("default", lastHour, devices ?? [], networkAgents ?? [], deviceIds ?? []);

    private static FraudAssessment Assess(
        SignupContext referee, SignupContext? referrer = null, ReferrerFacts? facts = null, bool loop = false, Guid? refereeId = null, int maxPerHour = 20)
    {
        var referrerId = Guid.NewGuid();
        return FraudScoring.Assess(new FraudInput(refereeId ?? Guid.NewGuid(), referrerId, referee, referrer, facts ?? Facts(), loop, maxPerHour), 30, 80);
    }

    [Fact]
    public void ACleanReferralIsLowRisk()
    {
        var result = Assess(Context(), Context("d2", "na2", "e2", "id2"));
        Assert.Equal(0, result.Score);
        Assert.Equal(FraudRisk.Low, result.Risk);
        Assert.Empty(result.Signals);
        Assert.Null(result.RejectReason);
    }

    [Fact]
    public void ReferringYourOwnAccountIsRejectedAsSelfReferral()
    {
        var id = Guid.NewGuid();
        var result = FraudScoring.Assess(new FraudInput(id, id, Context(), Context("d2", "na2", "e2", "id2"), Facts(), false, 20), 30, 80);
        Assert.Equal(FraudRisk.High, result.Risk);
        Assert.Equal(RejectReasons.SelfReferral, result.RejectReason);
        Assert.Contains(result.Signals, s => s.Rule == FraudRules.SelfAccount);
    }

    [Fact]
    public void TheSameNormalisedEmailIsRejectedAsSelfReferral()
    {
        var result = Assess(Context(email: "same"), Context("d2", "na2", "same", "id2"));
        Assert.Equal(RejectReasons.SelfReferral, result.RejectReason);
        Assert.Equal([FraudRules.SameEmail], result.Signals.Select(s => s.Rule));
    }

    [Fact]
    public void TheSameDeviceIdIsRejectedAsSelfReferralWhetherSeenAtSignupOrLater()
    {
        Assert.Equal(RejectReasons.SelfReferral, Assess(Context(deviceId: "dev"), Context("d2", "na2", "e2", "dev")).RejectReason);
        Assert.Equal(RejectReasons.SelfReferral, Assess(Context(deviceId: "dev"), null, Facts(deviceIds: ["dev"])).RejectReason);
    }

    [Fact]
    public void ALoopIsRejectedAsFraud()
    {
        var result = Assess(Context(), Context("d2", "na2", "e2", "id2"), loop: true);
        Assert.Equal(FraudRisk.High, result.Risk);
        Assert.Equal(RejectReasons.Fraud, result.RejectReason);
        Assert.Contains(result.Signals, s => s.Rule == FraudRules.Loop);
    }

    [Fact]
    public void TheSameDeviceFingerprintIsFlaggedForReviewNotBlocked()
    {
        var result = Assess(Context(device: "fp"), null, Facts(devices: ["fp"]));
        Assert.Equal(FraudRisk.Medium, result.Risk);
        Assert.Null(result.RejectReason);
        Assert.Equal([FraudRules.SameDevice], result.Signals.Select(s => s.Rule));
    }

    [Fact]
    public void TheSameNetworkAndUserAgentIsFlaggedForReviewNotBlocked()
    {
        var result = Assess(Context(networkAgent: "office+chrome"), Context("d2", "office+chrome", "e2", "id2"));
        Assert.Equal(FraudRisk.Medium, result.Risk);
        Assert.Equal([FraudRules.SameNetworkAndAgent], result.Signals.Select(s => s.Rule));
    }

    [Fact]
    public void ADisposableEmailIsFlaggedForReview()
    {
        var result = Assess(Context(disposable: true));
        Assert.Equal(FraudRisk.Medium, result.Risk);
        Assert.Equal([FraudRules.DisposableEmail], result.Signals.Select(s => s.Rule));
    }

    [Fact]
    public void VelocityAboveTheCampaignLimitIsFlaggedAndZeroMeansNoLimit()
    {
        Assert.Equal(FraudRisk.Low, Assess(Context(), facts: Facts(lastHour: 20)).Risk);
        Assert.Equal([FraudRules.Velocity], Assess(Context(), facts: Facts(lastHour: 21)).Signals.Select(s => s.Rule));
        Assert.Equal(FraudRisk.Low, Assess(Context(), facts: Facts(lastHour: 5000), maxPerHour: 0).Risk);
    }

    [Fact]
    public void FlagsAddUpToHighRisk()
    {
        // Disposable (40) + same fingerprint (30) + velocity (30) = 100: rejected as fraud.
        var result = Assess(Context(device: "fp", disposable: true), null, Facts(lastHour: 50, devices: ["fp"]));
        Assert.Equal(100, result.Score);
        Assert.Equal(FraudRisk.High, result.Risk);
        Assert.Equal(RejectReasons.Fraud, result.RejectReason);
    }

    private static CampaignDefinition Valid() => new(
        "Spring", null, null, QualifyingEvent.FirstQuizCompleted, 1, TimeSpan.FromDays(30), TimeSpan.Zero, 10,
        new Dictionary<string, long> { ["points"] = 10_000 },
        [new MilestoneTier(5, [new RewardSpec("spins", 3)])],
        [new OfferVariant("A", 1, [new RewardSpec("points", 100)], [new RewardSpec("points", 50)])],
        20);

    [Fact]
    public void AValidCampaignHasNoErrors() => Assert.Empty(CampaignRules.Validate(Valid()));

    [Fact]
    public void EveryInvalidFieldIsNamed()
    {
        var bad = Valid() with
        {
            Name = " ",
            StartsAt = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero),
            EndsAt = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero),
            AttributionWindow = TimeSpan.Zero,
            Hold = TimeSpan.FromDays(100),
            PerReferrerCap = 0,
            Budget = new Dictionary<string, long> { ["gold"] = 5 },
            Milestones = [new MilestoneTier(5, [new RewardSpec("points", 1)]), new MilestoneTier(5, [])],
            Variants = [new OfferVariant("A", 0, [new RewardSpec("points", 0)], [new RewardSpec(RewardSpec.Code, 2)])],
        };
        var errors = CampaignRules.Validate(bad);
        foreach (var field in new[]
        {
            "name", "endsAt", "attributionWindowSeconds", "holdSeconds", "perReferrerCap", "budget", "milestones[1].referrals",
            "milestones[1].bonus", "variants[0].weight", "variants[0].referrerRewards[0].amount", "variants[0].refereeRewards[0].codePool",
            "variants[0].refereeRewards[0].amount",
        })
        {
            Assert.True(errors.ContainsKey(field), $"expected an error for {field}; got {string.Join(", ", errors.Keys)}");
        }
    }

    [Fact]
    public void QuizCountsAndVariantsAreChecked()
    {
        Assert.Contains("quizzesRequired", CampaignRules.Validate(Valid() with { QualifyingEvent = QualifyingEvent.QuizzesCompleted, QuizzesRequired = 0 }).Keys);
        Assert.Contains("variants", CampaignRules.Validate(Valid() with { Variants = [] }).Keys);
        var twins = new OfferVariant("A", 1, [new RewardSpec("points", 1)], []);
        Assert.Contains("variants[1].name", CampaignRules.Validate(Valid() with { Variants = [twins, twins] }).Keys);
        Assert.Contains("variants[0]", CampaignRules.Validate(Valid() with { Variants = [new OfferVariant("A", 1, [], [])] }).Keys);
        Assert.Contains("variants[0].referrerRewards[0].currency", CampaignRules.Validate(Valid() with { Variants = [new OfferVariant("A", 1, [new RewardSpec("gold", 1)], [])] }).Keys);
    }

    [Theory]
    [InlineData(CampaignStatus.Draft, CampaignStatus.Active, true)]
    [InlineData(CampaignStatus.Active, CampaignStatus.Paused, true)]
    [InlineData(CampaignStatus.Paused, CampaignStatus.Active, true)]
    [InlineData(CampaignStatus.Active, CampaignStatus.Ended, true)]
    [InlineData(CampaignStatus.Ended, CampaignStatus.Active, false)]
    [InlineData(CampaignStatus.Draft, CampaignStatus.Paused, false)]
    [InlineData(CampaignStatus.Paused, CampaignStatus.Draft, false)]
    public void CampaignStatusMoves(CampaignStatus from, CampaignStatus to, bool allowed) => Assert.Equal(allowed, CampaignRules.CanMove(from, to));

    [Fact]
    public void OfferAssignmentIsDeterministicAndFollowsTheWeights()
    {
        var campaign = Guid.NewGuid();
        OfferVariant[] variants =
        [
            new("A", 1, [new RewardSpec("points", 100)], []),
            new("B", 3, [new RewardSpec("points", 200)], []),
        ];
        var user = Guid.NewGuid();
        Assert.Equal(OfferAssignment.Pick(campaign, user, variants), OfferAssignment.Pick(campaign, user, variants));

        var b = Enumerable.Range(0, 20_000).Count(_ => OfferAssignment.Pick(campaign, Guid.NewGuid(), variants).Name == "B");
        // Expected 15,000 (3/4); a binomial standard deviation is about 61, so ±600 is ten of them.
        Assert.InRange(b, 14_400, 15_600);
    }

    [Fact]
    public void CodesUseTheUnambiguousAlphabetAndAreReadCaseInsensitively()
    {
        var codes = Enumerable.Range(0, 2000).Select(_ => ReferralCodes.New()).ToList();
        Assert.All(codes, c =>
        {
            Assert.Equal(ReferralCodes.Length, c.Length);
            Assert.DoesNotContain(c, ch => "01ILOU".Contains(ch, StringComparison.Ordinal));
        });
        Assert.Equal(codes.Count, codes.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(codes[0], ReferralCodes.Normalize(" " + codes[0].ToLowerInvariant() + " "));
        Assert.Null(ReferralCodes.Normalize("ABCDEF0O"));
        Assert.Null(ReferralCodes.Normalize("SHORT"));
        Assert.Null(ReferralCodes.Normalize(null));
    }
}
