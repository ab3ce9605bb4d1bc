using Referral.Grains.Referrals.Fraud;
using Xunit;

namespace Referral.Grains.Tests.Referrals;

public sealed class EmailNormalizerTests
{
    [Theory]
    [InlineData("J.Doe+promo@GMail.com", "jdoe@gmail.com")]
    [InlineData("  j.o.h.n.doe@gmail.com  ", "johndoe@gmail.com")]
    [InlineData("johndoe+a+b@googlemail.com", "johndoe@gmail.com")]
    [InlineData("John.Doe@GoogleMail.com.", "johndoe@gmail.com")]
    public void GmailIgnoresDotsAndTagsAndGooglemailIsGmail(string email, string expected)
    {
        Assert.Equal(expected, EmailNormalizer.ForFraud(email));
    }

    [Theory]
    [InlineData("jane.doe+shop@outlook.com", "jane.doe@outlook.com")]
    [InlineData("Jane.Doe+x@Hotmail.com", "jane.doe@hotmail.com")]
    [InlineData("jane+1@live.com", "jane@live.com")]
    [InlineData("jane.doe+news@icloud.com", "jane.doe@icloud.com")]
    [InlineData("jane+1@me.com", "jane@me.com")]
    [InlineData("jane.doe+a@proton.me", "jane.doe@proton.me")]
    [InlineData("jane+a@protonmail.com", "jane@protonmail.com")]
    [InlineData("jane+a@pm.me", "jane@pm.me")]
    [InlineData("jane.doe+a@fastmail.com", "jane.doe@fastmail.com")]
    public void ProvidersThatIgnoreTagsLoseTheTagButKeepDots(string email, string expected)
    {
        Assert.Equal(expected, EmailNormalizer.ForFraud(email));
    }

    [Theory]
    [InlineData("Jane.Doe+tag@Example.com", "jane.doe+tag@example.com")]
    [InlineData("jane.doe-tag@yahoo.com", "jane.doe-tag@yahoo.com")]
    [InlineData("j.doe+1@gmail.co.uk", "j.doe+1@gmail.co.uk")]
    [InlineData("j.doe+1@mail.gmail.com", "j.doe+1@mail.gmail.com")]
    public void OtherProvidersAreOnlyTrimmedAndLowerCased(string email, string expected)
    {
        Assert.Equal(expected, EmailNormalizer.ForFraud(email));
    }

    [Fact]
    public void TwoSpellingsOfOneGmailInboxCompareEqualAndDifferentInboxesDoNot()
    {
        Assert.Equal(EmailNormalizer.ForFraud("alice.smith@gmail.com"), EmailNormalizer.ForFraud("ALICESMITH+ref2@googlemail.com"));
        Assert.NotEqual(EmailNormalizer.ForFraud("alice.smith@gmail.com"), EmailNormalizer.ForFraud("alice.smith2@gmail.com"));
        Assert.NotEqual(EmailNormalizer.ForFraud("alice.smith@outlook.com"), EmailNormalizer.ForFraud("alicesmith@outlook.com"));
    }

    [Theory]
    [InlineData("not-an-email", "not-an-email")]
    [InlineData(" @gmail.com", "@gmail.com")]
    [InlineData("name@", "name@")]
    [InlineData("+tag@gmail.com", "+tag@gmail.com")]
    [InlineData("", "")]
    public void TextThatIsNoMailboxComesBackTrimmedAndLowerCased(string email, string expected)
    {
        Assert.Equal(expected, EmailNormalizer.ForFraud(email));
    }

    [Theory]
    [InlineData("Someone@Example.COM", "example.com")]
    [InlineData("a@b@googlemail.com", "gmail.com")]
    [InlineData("x@mailinator.com.", "mailinator.com")]
    [InlineData("user@Bücher.example", "xn--bcher-kva.example")]
    [InlineData("no-at-sign", "")]
    [InlineData("trailing@", "")]
    public void DomainIsTheCanonicalPartAfterTheLastAt(string email, string expected)
    {
        Assert.Equal(expected, EmailNormalizer.Domain(email));
    }
}
