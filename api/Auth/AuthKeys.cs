using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace Referral.Api.Auth;

/// <summary>
/// The secrets the api works with, resolved once at start-up: the access-token signing keys (the
/// first signs, all validate) and the HMAC secret for account and device grain keys.
/// </summary>
public sealed class AuthKeys
{
    private readonly byte[] _accountKeySecret;

    private AuthKeys(IReadOnlyList<SymmetricSecurityKey> signingKeys, byte[] accountKeySecret, IReadOnlyList<string> generated)
    {
        SigningKeys = signingKeys;
        _accountKeySecret = accountKeySecret;
        Generated = generated;
    }

    /// <summary>Every configured key, each with its <c>kid</c>; index 0 signs.</summary>
    public IReadOnlyList<SymmetricSecurityKey> SigningKeys { get; }

    public SymmetricSecurityKey SigningKey => SigningKeys[0];

    public ReadOnlySpan<byte> AccountKeySecret => _accountKeySecret;

    /// <summary>The same secret, for code that cannot take a span (async methods).</summary>
    public ReadOnlyMemory<byte> AccountKeySecretBytes => _accountKeySecret;

    /// <summary>The settings that were missing and got a generated development value (memory mode only).</summary>
    public IReadOnlyList<string> Generated { get; }

    /// <summary>Keys from validated <paramref name="options"/>; missing ones are generated (the caller allows that only in memory mode).</summary>
    public static AuthKeys From(AuthOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var generated = new List<string>();
        var keys = options.SigningKeys
            .Select(k => new SymmetricSecurityKey(AuthOptions.DecodeSecret(k.Key)!) { KeyId = k.Id })
            .ToList();
        if (keys.Count == 0)
        {
            keys.Add(new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32)) { KeyId = "dev-" + Guid.NewGuid().ToString("N")[..8] });
            generated.Add("Auth:SigningKeys");
        }

        var accountKeySecret = AuthOptions.DecodeSecret(options.AccountKeySecret);
        if (accountKeySecret is null)
        {
            accountKeySecret = RandomNumberGenerator.GetBytes(32);
            generated.Add("Auth:AccountKeySecret");
        }

        return new AuthKeys(keys, accountKeySecret, generated);
    }
}
