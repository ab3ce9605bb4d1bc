using System.Globalization;
using Referral.Grains.Quiz;
using Xunit;

namespace Referral.Grains.Tests.Quiz;

public sealed class RoomPinTests
{
    [Fact]
    public void PinsAreSixDigitsAndSpreadOverTheWholeRange()
    {
        var pins = Enumerable.Range(0, 20_000).Select(_ => RoomPins.Next()).ToList();
        Assert.All(pins, p => Assert.True(RoomPins.IsWellFormed(p), p));

        // 20,000 uniform draws from a million values: a counter or a narrow generator fails these.
        Assert.True(pins.Distinct().Count() > 19_500, "too many repeats for a uniform draw");
        var firstDigits = pins.GroupBy(p => p[0]).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(10, firstDigits.Count);
        Assert.All(firstDigits.Values, n => Assert.InRange(n, 1_600, 2_400));
        var consecutive = pins.Zip(pins.Skip(1)).Count(pair =>
            int.Parse(pair.Second, CultureInfo.InvariantCulture) - int.Parse(pair.First, CultureInfo.InvariantCulture) == 1);
        Assert.True(consecutive < 5, "successive PINs must not count up");
    }

    [Theory]
    [InlineData("123456", true)]
    [InlineData("012345", true)]
    [InlineData("12345", false)]
    [InlineData("12a456", false)]
    [InlineData("１２３４５６", false)]
    [InlineData(null, false)]
    public void WellFormedPinsAreSixAsciiDigits(string? pin, bool expected)
    {
        Assert.Equal(expected, RoomPins.IsWellFormed(pin));
    }
}
