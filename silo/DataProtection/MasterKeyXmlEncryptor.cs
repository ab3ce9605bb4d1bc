using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace Referral.Silo.DataProtection;

/// <summary>
/// Encrypts each Data Protection key's XML with AES-256-GCM under the configured master key, so
/// the key ring in PostgreSQL is useless without configuration the database never sees.
/// </summary>
public sealed class MasterKeyXmlEncryptor(DataProtectionMasterKeys masterKeys) : IXmlEncryptor
{
    public const int NonceBytes = 12;
    public const int TagBytes = 16;

    internal const string ElementName = "referralEncryptedKey";
    internal const string MasterKeyIdAttribute = "masterKeyId";

    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        ArgumentNullException.ThrowIfNull(plaintextElement);
        var plaintext = Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var sealedBytes = new byte[NonceBytes + plaintext.Length + TagBytes];
        var nonce = sealedBytes.AsSpan(0, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        try
        {
            using var aes = new AesGcm(masterKeys.Current, TagBytes);
            aes.Encrypt(nonce, plaintext, sealedBytes.AsSpan(NonceBytes, plaintext.Length),
                sealedBytes.AsSpan(NonceBytes + plaintext.Length), AssociatedData(masterKeys.CurrentId));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }

        var element = new XElement(ElementName,
            new XAttribute(MasterKeyIdAttribute, masterKeys.CurrentId),
            new XComment(" AES-256-GCM under DataProtection:MasterKey; value = nonce | ciphertext | tag "),
            new XElement("value", Convert.ToBase64String(sealedBytes)));
        return new EncryptedXmlInfo(element, typeof(MasterKeyXmlDecryptor));
    }

    /// <summary>Binds the ciphertext to its master key id and to this use.</summary>
    internal static byte[] AssociatedData(string masterKeyId) => Encoding.UTF8.GetBytes("Referral.DataProtection.KeyXml.v1|" + masterKeyId);
}
