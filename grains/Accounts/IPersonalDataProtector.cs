namespace Referral.Grains.Accounts;

/// <summary>
/// Encrypts personal fields (email, display name, referral code, device labels) before they
/// reach grain storage. The silo implements it with ASP.NET Core Data Protection; the grains
/// only see strings.
/// </summary>
public interface IPersonalDataProtector
{
    /// <summary>The Data Protection purpose string; a new version would isolate a new key derivation.</summary>
    const string Purpose = "Referral.PersonalData.v1";

    string Protect(string plaintext);

    /// <exception cref="System.Security.Cryptography.CryptographicException">The ciphertext was tampered with or its key is unknown.</exception>
    string Unprotect(string protectedData);
}
