using Referral.Grains.Referrals.Fraud;
using Xunit;

namespace Referral.Grains.Tests.Referrals;

public sealed class DisposableEmailDomainsTests
{
    [Fact]
    public void TheShippedListIsLoaded()
    {
        Assert.InRange(DisposableEmailDomains.Count, 8_000, 20_000);
    }

    [Theory]
    [InlineData("mailinator.com")]
    [InlineData("someone@mailinator.com")]
    [InlineData("  Someone@MAILINATOR.com.  ")]
    [InlineData("yopmail.com")]
    [InlineData("user@guerrillamail.com")]
    [InlineData("user@10minutemail.com")]
    public void ListedDomainsAreDisposableWhateverTheirSpelling(string emailOrDomain)
    {
        Assert.True(DisposableEmailDomains.IsDisposable(emailOrDomain));
    }

    [Theory]
    [InlineData("user@abc.mailinator.com")]
    [InlineData("a.b.c.yopmail.com")]
    public void SubdomainsOfListedDomainsAreDisposable(string emailOrDomain)
    {
        Assert.True(DisposableEmailDomains.IsDisposable(emailOrDomain));
    }

    [Theory]
    [InlineData("user@gmail.com")]
    [InlineData("user@googlemail.com")]
    [InlineData("user@outlook.com")]
    [InlineData("user@hotmail.com")]
    [InlineData("user@yahoo.com")]
    [InlineData("user@icloud.com")]
    [InlineData("user@proton.me")]
    [InlineData("user@gmx.de")]
    [InlineData("user@orange.fr")]
    [InlineData("user@free.fr")]
    [InlineData("user@laposte.net")]
    [InlineData("user@fastmail.com")]
    [InlineData("com")]
    [InlineData("")]
    [InlineData("mailinatorx.example")]
    [InlineData("mailinator.com.evil.example")]
    public void MainstreamProvidersAndLookAlikesAreNot(string emailOrDomain)
    {
        Assert.False(DisposableEmailDomains.IsDisposable(emailOrDomain));
    }
}
