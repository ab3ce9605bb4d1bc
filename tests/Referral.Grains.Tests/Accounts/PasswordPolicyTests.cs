using Referral.Grains.Accounts;
using Xunit;

namespace Referral.Grains.Tests.Accounts;

public sealed class PasswordPolicyTests
{
    private static PasswordPolicy Policy => PasswordPolicy.Default;

    [Fact]
    public void SevenCharactersAreTooShort() => Assert.Equal(PasswordRejection.TooShort, Policy.Check("k3#vQ9z")?.Code);

    [Fact]
    public void ExactlyEightCharactersAreEnough() => Assert.Null(Policy.Check("k3#vQ9zT"));

    [Fact]
    public void NoCompositionRulesApply() => Assert.Null(Policy.Check("tangerine elephant soup"));

    [Fact]
    public void OneHundredTwentyEightCharactersAreAllowedAndOneMoreIsTooLong()
    {
        Assert.Null(Policy.Check(new string('x', 127) + "!"));
        Assert.Equal(PasswordRejection.TooLong, Policy.Check(new string('x', 128) + "!")?.Code);
    }

    [Fact]
    public void AMegabyteOfInputIsTooLongWithoutBeingNormalised() =>
        Assert.Equal(PasswordRejection.TooLong, Policy.Check(new string('x', 1 << 20))?.Code);

    [Fact]
    public void CharactersAreCountedAsCodePointsNotUtf16Units()
    {
        // Four emoji outside the BMP: 8 UTF-16 units but 4 characters.
        Assert.Equal(PasswordRejection.TooShort, Policy.Check("😀🎲🚀🌍")?.Code);
        Assert.Null(Policy.Check("😀🎲🚀🌍😀🎲🚀🌍"));
    }

    [Fact]
    public void DecomposedAccentsCountAsOneCharacterAfterNormalisation()
    {
        // "é" typed as e + combining acute: 14 UTF-16 units, 7 characters once composed.
        var decomposed = string.Concat(Enumerable.Repeat("e\u0301", 7));
        Assert.Equal(14, decomposed.Length);
        Assert.Equal(PasswordRejection.TooShort, Policy.Check(decomposed)?.Code);
    }

    [Theory]
    [InlineData("password")]
    [InlineData("PassWord")]
    [InlineData("iloveyou")]
    [InlineData("qwertyuiop")]
    [InlineData("1qaz2wsx")]
    public void CommonPasswordsAreRejectedWhateverTheirCase(string password)
    {
        var rejection = Policy.Check(password);
        Assert.Equal(PasswordRejection.Common, rejection?.Code);
        Assert.False(string.IsNullOrWhiteSpace(rejection?.Message));
    }

    [Fact]
    public void TheShippedListHasAtLeastTenThousandEntries() => Assert.True(CommonPasswords.Shipped.Count >= 10_000, $"{CommonPasswords.Shipped.Count} entries");
}
