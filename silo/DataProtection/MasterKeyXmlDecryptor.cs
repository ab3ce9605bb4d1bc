using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.DependencyInjection;

namespace Referral.Silo.DataProtection;

/// <summary>
/// Reverses <see cref="MasterKeyXmlEncryptor"/>. Data Protection creates it by type name with an
/// <see cref="IServiceProvider"/>, hence that constructor.
/// </summary>
public sealed class MasterKeyXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    private readonly DataProtectionMasterKeys _masterKeys = services.GetRequiredService<DataProtectionMasterKeys>();

    public XElement Decrypt(XElement encryptedElement)
    {
        ArgumentNullException.ThrowIfNull(encryptedElement);
        var id = (string?)encryptedElement.Attribute(MasterKeyXmlEncryptor.MasterKeyIdAttribute)
            ?? throw new CryptographicException("The encrypted key has no master key id.");
        if (!_masterKeys.TryGet(id, out var key))
        {
            throw new CryptographicException(
                $"The key ring entry was encrypted with master key {id}, which is neither DataProtection:MasterKey nor one of DataProtection:RetiredMasterKeys.");
        }

        var sealedBytes = Convert.FromBase64String((string?)encryptedElement.Element("value")
            ?? throw new CryptographicException("The encrypted key has no value."));
        var length = sealedBytes.Length - MasterKeyXmlEncryptor.NonceBytes - MasterKeyXmlEncryptor.TagBytes;
        if (length < 0)
        {
            throw new CryptographicException("The encrypted key is truncated.");
        }

        var plaintext = new byte[length];
        try
        {
            using var aes = new AesGcm(key, MasterKeyXmlEncryptor.TagBytes);
            aes.Decrypt(sealedBytes.AsSpan(0, MasterKeyXmlEncryptor.NonceBytes),
                sealedBytes.AsSpan(MasterKeyXmlEncryptor.NonceBytes, length),
                sealedBytes.AsSpan(MasterKeyXmlEncryptor.NonceBytes + length),
                plaintext, MasterKeyXmlEncryptor.AssociatedData(id));
            return XElement.Parse(Encoding.UTF8.GetString(plaintext));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }
}
