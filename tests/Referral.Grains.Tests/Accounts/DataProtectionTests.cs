using System.Security.Cryptography;
using System.Xml.Linq;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Referral.Grains.Accounts;
using Referral.Silo.DataProtection;
using Xunit;

namespace Referral.Grains.Tests.Accounts;

public sealed class DataProtectionTests
{
    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.ToDictionary(v => v.Key, v => (string?)v.Value)).Build();

    [Fact]
    public void DurableModeWithoutAMasterKeyStopsStartUpNamingTheSetting()
    {
        var error = Assert.Throws<InvalidOperationException>(() => DataProtectionSettings.ReadMasterKeys(Config(), durable: true));
        Assert.Contains("DataProtection:MasterKey", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not base64!")]
    [InlineData("AAAA")]
    public void AMalformedMasterKeyStopsStartUpNamingTheSetting(string value)
    {
        var error = Assert.Throws<InvalidOperationException>(() => DataProtectionSettings.ReadMasterKeys(Config(("DataProtection:MasterKey", value)), durable: false));
        Assert.Contains("DataProtection:MasterKey", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MemoryModeWithoutAMasterKeyGeneratesOne()
    {
        var keys = DataProtectionSettings.ReadMasterKeys(Config(), durable: false);
        Assert.True(keys.Generated);
    }

    [Fact]
    public void KeyXmlIsEncryptedUnderTheMasterKeyAndARetiredKeyStillDecryptsIt()
    {
        var oldKey = RandomNumberGenerator.GetBytes(32);
        var secret = new XElement("masterKey", new XElement("value", "c2VjcmV0LWtleS1tYXRlcmlhbA=="));
        var encrypted = new MasterKeyXmlEncryptor(new DataProtectionMasterKeys(oldKey)).Encrypt(secret);
        Assert.DoesNotContain("c2VjcmV0", encrypted.EncryptedElement.ToString(), StringComparison.Ordinal);

        var rotated = new DataProtectionMasterKeys(RandomNumberGenerator.GetBytes(32), [oldKey]);
        var decrypted = Decryptor(rotated).Decrypt(encrypted.EncryptedElement);
        Assert.Equal(secret.ToString(), decrypted.ToString());

        var unrelated = new DataProtectionMasterKeys(RandomNumberGenerator.GetBytes(32));
        Assert.Throws<CryptographicException>(() => Decryptor(unrelated).Decrypt(encrypted.EncryptedElement));
    }

    [Fact]
    public void ATamperedKeyXmlIsRefused()
    {
        var keys = new DataProtectionMasterKeys(RandomNumberGenerator.GetBytes(32));
        var encrypted = new MasterKeyXmlEncryptor(keys).Encrypt(new XElement("masterKey", "x")).EncryptedElement;
        var value = encrypted.Element("value")!;
        var bytes = Convert.FromBase64String(value.Value);
        bytes[^1] ^= 1;
        value.Value = Convert.ToBase64String(bytes);

        Assert.ThrowsAny<CryptographicException>(() => Decryptor(keys).Decrypt(encrypted));
    }

    [Fact]
    public void ThePersonalDataProtectorRoundTripsAndHidesTheText()
    {
        using var services = new ServiceCollection()
            .AddReferralPersonalData(new InMemoryXmlRepository(), DataProtectionMasterKeys.Random())
            .BuildServiceProvider();
        var protector = services.GetRequiredService<IPersonalDataProtector>();

        var ciphertext = protector.Protect("ada@example.test");

        Assert.DoesNotContain("ada", ciphertext, StringComparison.OrdinalIgnoreCase);
        Assert.NotEqual(ciphertext, protector.Protect("ada@example.test"));
        Assert.Equal("ada@example.test", protector.Unprotect(ciphertext));
    }

    private static MasterKeyXmlDecryptor Decryptor(DataProtectionMasterKeys keys) =>
        new(new ServiceCollection().AddSingleton(keys).BuildServiceProvider());
}
