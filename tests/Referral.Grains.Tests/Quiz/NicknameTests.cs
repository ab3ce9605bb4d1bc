using Referral.Grains.Quiz;
using Xunit;

namespace Referral.Grains.Tests.Quiz;

public sealed class NicknameTests
{
    private static readonly ProfanityList Shipped = ProfanityList.Shipped;

    [Theory]
    [InlineData("  Alice  ", "Alice")]
    [InlineData("Al\u200Bice", "Alice")]              // zero-width space
    [InlineData("A\u0000l\u0007ice\uFEFF", "Alice")]  // controls and BOM
    [InlineData("Jo    Ann", "Jo Ann")]
    [InlineData("Cafe\u0301", "Café")]                // NFC composes the accent
    [InlineData("🦊🦊", "🦊🦊")]                      // an emoji counts as one character
    public void NicknamesAreCleanedBeforeTheyAreChecked(string raw, string expected)
    {
        var result = Nicknames.Clean(raw, Shipped);
        Assert.True(result.Ok, result.Detail);
        Assert.Equal(expected, result.Nickname);
    }

    [Theory]
    [InlineData("A")]
    [InlineData("\u200B\u200BA\u200B")]
    [InlineData("ABCDEFGHIJKLMNOPQRSTU")]
    [InlineData("")]
    [InlineData(null)]
    public void NicknamesMustHaveTwoToTwentyCharactersAfterCleaning(string? raw)
    {
        Assert.Equal(Nicknames.LengthError, Nicknames.Clean(raw, Shipped).Error);
    }

    [Fact]
    public void TwentyCharactersIsAllowed()
    {
        Assert.True(Nicknames.Clean(new string('x', 20), Shipped).Ok);
    }

    [Theory]
    [InlineData("fuck")]
    [InlineData("FUCK you")]
    [InlineData("f u c k")]
    [InlineData("fuck3rs")]
    [InlineData("shitface")]
    [InlineData("5h1t")]
    [InlineData("xxbullshitxx")]
    [InlineData("connard")]
    [InlineData("Salope")]
    public void ProfaneNicknamesAreRefusedInEnglishAndFrench(string raw)
    {
        Assert.Equal(Nicknames.ProfaneError, Nicknames.Clean(raw, Shipped).Error);
    }

    [Theory]
    [InlineData("Scunthorpe")]
    [InlineData("Assia")]
    [InlineData("Cassandra")]
    [InlineData("Dickens")]
    public void InnocentNamesContainingShortListedWordsPass(string raw)
    {
        // Words under five letters are matched whole only, so names that contain them pass.
        var result = Nicknames.Clean(raw, Shipped);
        Assert.True(result.Ok, $"{raw} refused: {result.Error}");
    }

    [Fact]
    public void UniquenessIgnoresCase()
    {
        Assert.Equal(Nicknames.UniquenessKey("alice"), Nicknames.UniquenessKey("ALICE"));
        Assert.NotEqual(Nicknames.UniquenessKey("alice"), Nicknames.UniquenessKey("alicia"));
    }

    [Fact]
    public void TheShippedListHoldsEnglishAndFrenchWords()
    {
        Assert.True(Shipped.Count > 400, $"only {Shipped.Count} words");
        Assert.True(Shipped.Contains("merde"));
        Assert.True(Shipped.Contains("shit"));
    }
}
