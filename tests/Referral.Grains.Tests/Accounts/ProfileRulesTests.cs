using Referral.Grains.Accounts;
using Xunit;

namespace Referral.Grains.Tests.Accounts;

public sealed class ProfileRulesTests
{
    [Theory]
    [InlineData("  Ada  ", "Ada")]
    [InlineData("Zoë", "Zoë")]
    [InlineData("Zoe\u0308", "Zo\u00eb")]
    [InlineData("李雷", "李雷")]
    [InlineData("🦊🦊", "🦊🦊")]
    public void DisplayNamesAreTrimmedAndComposed(string input, string expected)
    {
        Assert.True(ProfileRules.TryDisplayName(input, out var name));
        Assert.Equal(expected, name);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    [InlineData("A")]
    [InlineData("bo\u200Bb")]
    [InlineData("evil\u202Egnp.exe")]
    [InlineData("tab\tname")]
    [InlineData("line\nbreak")]
    [InlineData("\ud800lone")]
    public void DisplayNamesWithInvisibleOrControlCharactersOrTooShortAreRefused(string? input) =>
        Assert.False(ProfileRules.TryDisplayName(input, out _));

    [Fact]
    public void DisplayNamesAreCountedInUserPerceivedCharacters()
    {
        // 40 flags are 80 code points and 160 UTF-16 units, but 40 characters on screen.
        var flags = string.Concat(Enumerable.Repeat("🇫🇷", 40));
        Assert.True(ProfileRules.TryDisplayName(flags, out _));
        Assert.False(ProfileRules.TryDisplayName(flags + "🇫🇷", out _));
        Assert.True(ProfileRules.TryDisplayName(new string('a', 40), out _));
        Assert.False(ProfileRules.TryDisplayName(new string('a', 41), out _));
    }

    [Theory]
    [InlineData("en", "en")]
    [InlineData("fr", "fr")]
    [InlineData("en-GB", "en")]
    [InlineData("fr_CA", "fr")]
    [InlineData("FR", "fr")]
    public void LocalesAreReducedToASupportedLanguage(string input, string expected)
    {
        Assert.True(ProfileRules.TryLocale(input, out var locale));
        Assert.Equal(expected, locale);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("de")]
    [InlineData("english")]
    [InlineData("e")]
    public void OtherLocalesAreRefused(string? input) => Assert.False(ProfileRules.TryLocale(input, out _));

    [Fact]
    public void DeviceLabelsAreCleanedAndCut()
    {
        Assert.Null(ProfileRules.DeviceLabel("  "));
        Assert.Equal("Pixel 8", ProfileRules.DeviceLabel(" Pixel\u200B 8 "));
        Assert.Equal(ProfileRules.MaxDeviceLabelLength, ProfileRules.DeviceLabel(new string('x', 500))!.Length);
    }
}
