using Referral.Grains.Abstractions.Wheel;
using Referral.Grains.Wheel;
using Xunit;

namespace Referral.Grains.Tests.Wheel;

/// <summary>Wheel validation and odds as plain rules.</summary>
public sealed class WheelRulesTests
{
    [Fact]
    public void AValidWheelHasNoErrors() => Assert.Empty(WheelRules.Validate(Wheels.PrizeAndNothing(10)));

    [Fact]
    public void EveryBadFieldIsNamed()
    {
        var bad = new WheelDefinition(
            "",
            [
                new WheelSegment("aa", "", "red", new WheelPrize(PrizeKind.Points, 0, null), 0, -1, false),
                new WheelSegment("aa", "B", "#00ff00", new WheelPrize(PrizeKind.Code, 1, null), 5, null, false),
                new WheelSegment("Bad Id", "C", "#00ff00", new WheelPrize(PrizeKind.Nothing, 5, null), 5, null, false),
            ],
            true,
            DateTimeOffset.UnixEpoch.AddDays(2),
            DateTimeOffset.UnixEpoch.AddDays(1),
            0,
            11,
            5);

        var errors = WheelRules.Validate(bad);

        string[] expected =
        [
            "name", "costPerSpin", "freeSpinsPerDay", "dailyCap", "activeUntil",
            "segments[0].label", "segments[0].colour", "segments[0].weight", "segments[0].stock", "segments[0].prize.amount",
            "segments[1].id", "segments[1].prize.poolId", "segments[2].id", "segments[2].prize",
        ];
        Assert.Equal(expected.Order(StringComparer.Ordinal), errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("segments", WheelRules.Validate(Wheels.PrizeAndNothing(1) with { Segments = [] }).Keys);
    }

    [Fact]
    public void OddsRenormaliseWhenASegmentRunsOutOfStock()
    {
        IReadOnlyList<WheelSegment> segments =
        [
            Wheels.Segment("jackpot", 1, PrizeKind.Points, 1000, stock: 2),
            Wheels.Segment("small", 3, PrizeKind.Points, 10),
            Wheels.Segment("nothing", 6),
        ];

        var before = WheelMath.EffectiveWeights(segments, _ => 1, _ => false);
        var after = WheelMath.EffectiveWeights(segments, id => id == "jackpot" ? 2 : 0, _ => false);

        Assert.Equal([1, 3, 6], before);
        Assert.Equal([0, 3, 6], after);
        var odds = WheelMath.Odds(segments, after, id => id == "jackpot" ? 2 : 0);
        Assert.Equal([0, 1 / 3.0, 2 / 3.0], odds.Select(o => o.Probability));
        Assert.Equal(0, odds[0].Remaining);
        Assert.Null(odds[1].Remaining);
    }
}
