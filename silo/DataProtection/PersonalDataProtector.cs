using Microsoft.AspNetCore.DataProtection;
using Referral.Grains.Accounts;

namespace Referral.Silo.DataProtection;

/// <summary>Personal fields through ASP.NET Core Data Protection (AES-256-CBC + HMACSHA256 by default, keys rotated every 90 days).</summary>
public sealed class PersonalDataProtector(IDataProtectionProvider provider) : IPersonalDataProtector
{
    private readonly IDataProtector _protector = provider.CreateProtector(IPersonalDataProtector.Purpose);

    public string Protect(string plaintext) => _protector.Protect(plaintext);

    public string Unprotect(string protectedData) => _protector.Unprotect(protectedData);
}
