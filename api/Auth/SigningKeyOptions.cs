namespace Referral.Api.Auth;

/// <summary>One HS256 signing key. Bound from <c>Auth:SigningKeys:n</c>.</summary>
public sealed class SigningKeyOptions
{
    /// <summary>The key id written to each token's <c>kid</c> header; validation picks the key by it. Default: none (required).</summary>
    public string? Id { get; set; }

    /// <summary>Base64 of at least 32 random bytes (256 bits, the HS256 minimum of RFC 7518). Default: none (required).</summary>
    public string? Key { get; set; }
}
