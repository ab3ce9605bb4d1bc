using Referral.Grains.Accounts;
using Xunit;

namespace Referral.Grains.Tests.Accounts;

public sealed class PasswordHasherTests
{
    private static readonly PasswordHasher Cheap = new(AccountsCluster.TestHashing);

    [Fact]
    public void TheDefaultCostIsOwaspsArgon2idAndTheHashSaysSo()
    {
        var hasher = new PasswordHasher(new AccountOptions().PasswordHashing);

        var phc = hasher.Hash("correct horse battery staple");

        Assert.StartsWith("$argon2id$v=19$m=19456,t=2,p=1$", phc, StringComparison.Ordinal);
        Assert.True(PhcString.TryReadParameters(phc, out var parameters));
        Assert.Equal(new Argon2Parameters(19_456, 2), parameters);
        Assert.True(PasswordHasher.Verify(phc, "correct horse battery staple"));
        Assert.False(hasher.NeedsRehash(phc));
    }

    [Fact]
    public void TheRightPasswordVerifiesAndAWrongOneDoesNot()
    {
        var phc = Cheap.Hash("violet-harbour");
        Assert.True(PasswordHasher.Verify(phc, "violet-harbour"));
        Assert.False(PasswordHasher.Verify(phc, "violet-harbouR"));
        Assert.False(PasswordHasher.Verify(phc, ""));
    }

    [Fact]
    public void EachHashHasItsOwnSalt() => Assert.NotEqual(Cheap.Hash("same password"), Cheap.Hash("same password"));

    [Fact]
    public void PasswordsAreHashedInTheirNormalisedForm()
    {
        var phc = Cheap.Hash("caf\u00e9-au-lait");
        Assert.True(PasswordHasher.Verify(phc, "cafe\u0301-au-lait"));
    }

    [Fact]
    public void AHashBelowTheConfiguredCostNeedsRehash()
    {
        var strong = new PasswordHasher(new Argon2Parameters(128, 2));
        Assert.True(strong.NeedsRehash(new PasswordHasher(new Argon2Parameters(64, 2)).Hash("pw-one-two-three")));
        Assert.True(strong.NeedsRehash(new PasswordHasher(new Argon2Parameters(128, 1)).Hash("pw-one-two-three")));
        Assert.False(strong.NeedsRehash(strong.Hash("pw-one-two-three")));
        // A stronger stored hash is kept: lowering the configuration never weakens stored hashes.
        Assert.False(strong.NeedsRehash(new PasswordHasher(new Argon2Parameters(256, 3)).Hash("pw-one-two-three")));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a hash")]
    [InlineData("$argon2i$v=19$m=64,t=1,p=1$c2FsdHNhbHRzYWx0$aGFzaA")]
    [InlineData("$argon2id$v=16$m=64,t=1,p=1$c2FsdHNhbHRzYWx0$aGFzaA")]
    [InlineData("$argon2id$v=19$m=64,t=1,p=4$c2FsdHNhbHRzYWx0$aGFzaA")]
    public void AnythingButAnArgon2idV19HashFailsVerificationAndNeedsRehash(string stored)
    {
        Assert.False(PasswordHasher.Verify(stored, "anything"));
        Assert.True(Cheap.NeedsRehash(stored));
    }

    [Fact]
    public void TheDummyVerificationAlwaysFails() => Assert.False(Cheap.VerifyDummy("any password at all"));
}
