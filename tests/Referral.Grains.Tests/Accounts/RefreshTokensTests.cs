using Referral.Grains.Accounts;
using Xunit;

namespace Referral.Grains.Tests.Accounts;

public sealed class RefreshTokensTests
{
    [Fact]
    public void ATokenCarriesItsUserAndFamilyAndAHashOfItsSecret()
    {
        var user = Guid.NewGuid();
        var family = Guid.NewGuid();

        var token = RefreshTokens.Create(user, family, out var hash);

        Assert.StartsWith(RefreshTokens.Prefix, token, StringComparison.Ordinal);
        Assert.True(RefreshTokens.TryParse(token, out var parsedUser, out var parsedFamily, out var secret));
        Assert.Equal((user, family), (parsedUser, parsedFamily));
        Assert.Equal(RefreshTokens.SecretBytes, secret.Length);
        Assert.Equal(hash, RefreshTokens.HashSecret(secret));
        Assert.DoesNotContain('=', token);
        Assert.DoesNotContain('+', token);
        Assert.DoesNotContain('/', token);
    }

    [Fact]
    public void TwoTokensOfOneFamilyHaveDifferentSecrets()
    {
        var user = Guid.NewGuid();
        var family = Guid.NewGuid();
        Assert.NotEqual(RefreshTokens.Create(user, family, out _), RefreshTokens.Create(user, family, out _));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("rt1.")]
    [InlineData("rt2.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("rt1.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA!!")]
    [InlineData("eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0.")]
    public void AnythingElseDoesNotParse(string? token) => Assert.False(RefreshTokens.TryParse(token, out _, out _));
}
