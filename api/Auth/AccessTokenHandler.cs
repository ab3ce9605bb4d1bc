using System.Buffers.Text;
using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace Referral.Api.Auth;

/// <summary>
/// Validates our access tokens for the JWT bearer handler, in place of the general-purpose
/// JsonWebTokenHandler: compact HS256 JWS only, every rule of the configured
/// <see cref="TokenValidationParameters"/> that we use (pinned algorithm, token type, key id,
/// signature, issuer, audience, required expiry, not-before, clock skew), and nothing else.
/// <para>
/// Why: every hub connection and API call validates a token. The general handler parses header
/// and claims into dictionaries, copies every claim into the identity and keeps the parsed token;
/// on the hub path that was about a tenth of the server's CPU to seat a player and 3.5 KB held
/// per connection (docs/benchmarks.md). Here the claims are read once with a
/// <see cref="Utf8JsonReader"/> from stack buffers and the identity holds what the api reads:
/// <c>sub</c>, <c>sid</c>, <c>role</c> and <c>exp</c>.
/// </para>
/// <para>
/// Strict by design: the header may hold <c>alg</c>, <c>kid</c> and <c>typ</c> and nothing else
/// (no <c>jku</c>, <c>x5u</c>, <c>crit</c>…); a key is chosen by <c>kid</c> among the configured
/// keys only, never tried in turn; a repeated claim, a non-integer time or a token over
/// <see cref="MaxTokenLength"/> characters is malformed.
/// </para>
/// </summary>
public sealed class AccessTokenHandler(TimeProvider time) : TokenHandler
{
    /// <summary>Ours are about 400 characters; anything far longer is not one of them.</summary>
    public const int MaxTokenLength = 4096;

    private const int MaxHeaderBytes = 256;

    /// <summary>The header members allowed, as UTF-8 names in the order of <see cref="HeaderName"/>.</summary>
    private static readonly byte[][] HeaderNames = Utf8Names<HeaderName>();

    /// <summary>The claims read, as UTF-8 names in the order of <see cref="ClaimName"/>; any other claim is skipped.</summary>
    private static readonly byte[][] ClaimNames = Utf8Names<ClaimName>();

    /// <summary>The authentication type the general-purpose handler gives its identities.</summary>
    private const string DefaultAuthenticationType = "AuthenticationTypes.Federation";

    public override Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters) =>
        Task.FromResult(Validate(token, validationParameters));

    /// <summary>The validation itself, synchronous: nothing in it waits.</summary>
    public TokenValidationResult Validate(string? token, TokenValidationParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (string.IsNullOrEmpty(token) || token.Length > MaxTokenLength)
        {
            return Fail(new SecurityTokenMalformedException("The token is empty or longer than an access token can be."));
        }

        var firstDot = token.IndexOf('.', StringComparison.Ordinal);
        var secondDot = firstDot < 0 ? -1 : token.IndexOf('.', firstDot + 1);
        if (firstDot <= 0 || secondDot <= firstDot + 1 || token.IndexOf('.', secondDot + 1) >= 0)
        {
            return Fail(new SecurityTokenMalformedException("The token is not a compact JWS (header, claims and signature in base64url)."));
        }

        var chars = token.AsSpan();
        Span<byte> header = stackalloc byte[MaxHeaderBytes];
        if (!TryDecode(chars[..firstDot], header, out var headerLength))
        {
            return Fail(new SecurityTokenMalformedException("The token's header is not base64url JSON of a sensible size."));
        }

        var head = ReadHeader(header[..headerLength]);
        if (head.Error is { } headerError)
        {
            return Fail(headerError);
        }

        if (head.Algorithm != AccessTokenFormat.Algorithm
            || (parameters.ValidAlgorithms is { } algorithms && algorithms.Any() && !algorithms.Contains(head.Algorithm, StringComparer.Ordinal)))
        {
            return Fail(new SecurityTokenInvalidAlgorithmException($"The algorithm '{head.Algorithm}' is not accepted.") { InvalidAlgorithm = head.Algorithm });
        }

        if (parameters.ValidTypes is { } types && types.Any() && !types.Contains(head.Type, StringComparer.Ordinal))
        {
            return Fail(new SecurityTokenInvalidTypeException($"The token type '{head.Type}' is not accepted.") { InvalidType = head.Type });
        }

        if (FindKey(parameters, head.KeyId) is not { } key)
        {
            return Fail(new SecurityTokenSignatureKeyNotFoundException($"No configured signing key has the id '{head.KeyId}'."));
        }

        if (!SignatureMatches(chars, secondDot, key.Key))
        {
            return Fail(new SecurityTokenInvalidSignatureException("The token's signature does not match."));
        }

        // Signed by us from here on: what remains is whether it is still (and already) valid for this api.
        Span<byte> claims = stackalloc byte[MaxTokenLength];
        if (!TryDecode(chars[(firstDot + 1)..secondDot], claims, out var claimsLength))
        {
            return Fail(new SecurityTokenMalformedException("The token's claims are not base64url JSON."));
        }

        var body = ReadClaims(claims[..claimsLength]);
        return body.Error is { } claimsError ? Fail(claimsError) : Accept(body, key, parameters);
    }

    private TokenValidationResult Accept(in TokenBody body, SymmetricSecurityKey key, TokenValidationParameters parameters)
    {
        if (body.Expires is not { } expiresAt)
        {
            return parameters.RequireExpirationTime
                ? Fail(new SecurityTokenNoExpirationException("The token has no expiry (exp)."))
                : Fail(new SecurityTokenMalformedException("Access tokens always carry exp."));
        }

        var expires = DateTimeOffset.FromUnixTimeSeconds(expiresAt).UtcDateTime;
        var notBefore = body.NotBefore is { } nbf ? DateTimeOffset.FromUnixTimeSeconds(nbf).UtcDateTime : (DateTime?)null;
        var now = time.GetUtcNow().UtcDateTime;
        var skew = parameters.ClockSkew;
        if (notBefore > expires)
        {
            return Fail(new SecurityTokenInvalidLifetimeException("The token's nbf is after its exp.") { NotBefore = notBefore, Expires = expires });
        }

        if (expires < now - skew)
        {
            return Fail(new SecurityTokenExpiredException($"The token expired at {expires:O}.") { Expires = expires });
        }

        if (notBefore > now + skew)
        {
            return Fail(new SecurityTokenNotYetValidException($"The token is not valid before {notBefore:O}.") { NotBefore = notBefore.Value });
        }

        if (parameters.ValidateIssuer && !IsOneOf(body.Issuer, parameters.ValidIssuer, parameters.ValidIssuers))
        {
            return Fail(new SecurityTokenInvalidIssuerException($"The issuer '{body.Issuer}' is not accepted.") { InvalidIssuer = body.Issuer });
        }

        if (parameters.ValidateAudience && !AudienceAccepted(body, parameters))
        {
            return Fail(new SecurityTokenInvalidAudienceException("The token is not for this api (aud)."));
        }

        if (body.Subject is null)
        {
            return Fail(new SecurityTokenMalformedException("The token names no user (sub)."));
        }

        var identity = Identity(
            body.Subject,
            body.SessionId,
            body.Roles ?? [],
            expiresAt,
            body.Issuer,
            parameters.AuthenticationType,
            parameters.NameClaimType,
            parameters.RoleClaimType);
        return new TokenValidationResult
        {
            IsValid = true,
            ClaimsIdentity = identity,
            Issuer = body.Issuer,
            SecurityToken = new ValidatedAccessToken(body.TokenId, body.Issuer, notBefore ?? DateTime.MinValue, expires, key),
        };
    }

    /// <summary>
    /// The identity a valid access token stands for: <c>sub</c>, <c>sid</c>, every <c>role</c> and
    /// <c>exp</c>, nothing else. The hub's guest sign-in gives its connection the same identity for
    /// the token it has just issued, so a connection signed in either way looks the same.
    /// </summary>
    public static ClaimsIdentity Identity(
        string subject,
        string? sessionId,
        IEnumerable<string> roles,
        long expiresAt,
        string? issuer,
        string? authenticationType = null,
        string? nameClaimType = null,
        string? roleClaimType = null)
    {
        ArgumentNullException.ThrowIfNull(roles);
        issuer ??= ClaimsIdentity.DefaultIssuer;
        var identity = new ClaimsIdentity(
            authenticationType ?? DefaultAuthenticationType,
            nameClaimType ?? TokenClaims.Subject,
            roleClaimType ?? TokenClaims.Role);
        identity.AddClaim(new Claim(TokenClaims.Subject, subject, ClaimValueTypes.String, issuer));
        if (sessionId is not null)
        {
            identity.AddClaim(new Claim(TokenClaims.SessionId, sessionId, ClaimValueTypes.String, issuer));
        }

        foreach (var role in roles)
        {
            identity.AddClaim(new Claim(TokenClaims.Role, role, ClaimValueTypes.String, issuer));
        }

        identity.AddClaim(new Claim(TokenClaims.Expires, expiresAt.ToString(CultureInfo.InvariantCulture), ClaimValueTypes.Integer64, issuer));
        return identity;
    }

    private static TokenValidationResult Fail(Exception error) => new() { IsValid = false, Exception = error };

    private static bool TryDecode(ReadOnlySpan<char> encoded, Span<byte> destination, out int length)
    {
        length = 0;
        return Base64Url.IsValid(encoded, out var decoded)
            && decoded <= destination.Length
            && Base64Url.TryDecodeFromChars(encoded, destination, out length);
    }

    private static SymmetricSecurityKey? FindKey(TokenValidationParameters parameters, string? keyId)
    {
        if (keyId is null)
        {
            return null;
        }

        if (parameters.IssuerSigningKeys is { } keys)
        {
            foreach (var candidate in keys)
            {
                if (candidate is SymmetricSecurityKey symmetric && string.Equals(symmetric.KeyId, keyId, StringComparison.Ordinal))
                {
                    return symmetric;
                }
            }
        }

        return parameters.IssuerSigningKey is SymmetricSecurityKey single && string.Equals(single.KeyId, keyId, StringComparison.Ordinal)
            ? single
            : null;
    }

    /// <summary>HMAC-SHA256 of the ASCII signing input (header.claims) against the decoded signature, in constant time.</summary>
    private static bool SignatureMatches(ReadOnlySpan<char> token, int secondDot, byte[] key)
    {
        Span<byte> presented = stackalloc byte[AccessTokenFormat.SignatureBytes + 3];
        if (!TryDecode(token[(secondDot + 1)..], presented, out var presentedLength) || presentedLength != AccessTokenFormat.SignatureBytes)
        {
            return false;
        }

        Span<byte> input = stackalloc byte[MaxTokenLength];
        var inputLength = Encoding.ASCII.GetBytes(token[..secondDot], input);
        Span<byte> expected = stackalloc byte[AccessTokenFormat.SignatureBytes];
        HMACSHA256.HashData(key, input[..inputLength], expected);
        return CryptographicOperations.FixedTimeEquals(expected, presented[..presentedLength]);
    }

    private static TokenHead ReadHeader(ReadOnlySpan<byte> json)
    {
        string? algorithm = null, keyId = null, type = null;
        try
        {
            var reader = new Utf8JsonReader(json);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return TokenHead.Malformed("The token's header is not a JSON object.");
            }

            var seen = 0;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var member = Member(ref reader, HeaderNames, ref seen, out var repeated);
                if (member == Unknown || repeated || !reader.Read() || reader.TokenType != JsonTokenType.String)
                {
                    return TokenHead.Malformed("The token's header holds something other than one alg, kid and typ string each.");
                }

                var value = reader.GetString();
                switch ((HeaderName)member)
                {
                    case HeaderName.Alg: algorithm = value; break;
                    case HeaderName.Kid: keyId = value; break;
                    case HeaderName.Typ: type = value; break;
                }
            }

            return reader.TokenType == JsonTokenType.EndObject && !reader.Read()
                ? new TokenHead(algorithm, keyId, type, null)
                : TokenHead.Malformed("The token's header is not a single JSON object.");
        }
        catch (JsonException)
        {
            return TokenHead.Malformed("The token's header is not valid JSON.");
        }
    }

    private static TokenBody ReadClaims(ReadOnlySpan<byte> json)
    {
        var body = default(TokenBody);
        try
        {
            var reader = new Utf8JsonReader(json);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return TokenBody.Malformed("The token's claims are not a JSON object.");
            }

            var seen = 0;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var claim = Member(ref reader, ClaimNames, ref seen, out var repeated);
                if (repeated)
                {
                    return TokenBody.Malformed($"The claim '{Named(claim)}' appears twice.");
                }

                reader.Read();
                var ok = (ClaimName)claim switch
                {
                    ClaimName.Iss => TryString(ref reader, out body.Issuer),
                    ClaimName.Aud => TryStrings(ref reader, out body.Audiences),
                    ClaimName.Exp => TryTime(ref reader, out body.Expires),
                    ClaimName.Nbf => TryTime(ref reader, out body.NotBefore),
                    ClaimName.Iat => TryTime(ref reader, out _),
                    ClaimName.Sub => TryString(ref reader, out body.Subject),
                    ClaimName.Sid => TryString(ref reader, out body.SessionId),
                    ClaimName.Jti => TryString(ref reader, out body.TokenId),
                    ClaimName.Role => TryStrings(ref reader, out body.Roles),
                    _ => Skip(ref reader),
                };
                if (!ok)
                {
                    return TokenBody.Malformed($"The claim '{Named(claim)}' has the wrong type.");
                }
            }

            return reader.TokenType == JsonTokenType.EndObject && !reader.Read()
                ? body
                : TokenBody.Malformed("The token's claims are not a single JSON object.");
        }
        catch (JsonException)
        {
            return TokenBody.Malformed("The token's claims are not valid JSON.");
        }
    }

    private const int Unknown = -1;

    /// <summary>
    /// The index in <paramref name="names"/> of the property name under the reader, or
    /// <see cref="Unknown"/>; <paramref name="repeated"/> when that name was already
    /// <paramref name="seen"/> (a bit per index).
    /// </summary>
    private static int Member(ref Utf8JsonReader reader, byte[][] names, ref int seen, out bool repeated)
    {
        repeated = false;
        for (var i = 0; i < names.Length; i++)
        {
            if (reader.ValueTextEquals(names[i]))
            {
                repeated = (seen & (1 << i)) != 0;
                seen |= 1 << i;
                return i;
            }
        }

        return Unknown;
    }

    private static string Named(int claim) => claim == Unknown ? "?" : ((ClaimName)claim).ToString().ToLowerInvariant();

    private static byte[][] Utf8Names<TEnum>()
        where TEnum : struct, Enum =>
        [.. Enum.GetNames<TEnum>().Select(n => Encoding.UTF8.GetBytes(n.ToLowerInvariant()))];

    private static bool TryString(ref Utf8JsonReader reader, out string? value)
    {
        value = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        return value is not null;
    }

    private static bool TryTime(ref Utf8JsonReader reader, out long? value)
    {
        value = reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var seconds) && seconds is >= 0 and <= 253_402_300_799
            ? seconds
            : null;
        return value is not null;
    }

    /// <summary>A string or an array of strings (aud and role may be either).</summary>
    private static bool TryStrings(ref Utf8JsonReader reader, out List<string>? values)
    {
        values = null;
        if (reader.TokenType == JsonTokenType.String)
        {
            values = [reader.GetString()!];
            return true;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return false;
        }

        values = [];
        while (reader.Read() && reader.TokenType == JsonTokenType.String)
        {
            values.Add(reader.GetString()!);
        }

        return reader.TokenType == JsonTokenType.EndArray;
    }

    private static bool Skip(ref Utf8JsonReader reader)
    {
        reader.Skip();
        return true;
    }

    private static bool IsOneOf(string? value, string? single, IEnumerable<string>? many) =>
        value is not null
        && (string.Equals(value, single, StringComparison.Ordinal) || (many?.Contains(value, StringComparer.Ordinal) ?? false));

    private static bool AudienceAccepted(in TokenBody body, TokenValidationParameters parameters)
    {
        foreach (var audience in body.Audiences ?? [])
        {
            if (IsOneOf(audience, parameters.ValidAudience, parameters.ValidAudiences))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The header members allowed; their JSON names are these, lower-case.</summary>
    private enum HeaderName
    {
        Alg,
        Kid,
        Typ,
    }

    /// <summary>The claims read; their JSON names are these, lower-case.</summary>
    private enum ClaimName
    {
        Iss,
        Aud,
        Exp,
        Nbf,
        Iat,
        Sub,
        Sid,
        Jti,
        Role,
    }

    private readonly record struct TokenHead(string? Algorithm, string? KeyId, string? Type, Exception? Error)
    {
        public static TokenHead Malformed(string message) => new(null, null, null, new SecurityTokenMalformedException(message));
    }

    private struct TokenBody
    {
        public string? Issuer;
        public string? Subject;
        public string? SessionId;
        public string? TokenId;
        public long? Expires;
        public long? NotBefore;
        public List<string>? Audiences;
        public List<string>? Roles;
        public Exception? Error;

        public static TokenBody Malformed(string message) => new() { Error = new SecurityTokenMalformedException(message) };
    }
}

/// <summary>What the bearer handler keeps of a validated token: its id, issuer and validity window (the sign-in's expiry).</summary>
public sealed class ValidatedAccessToken(string? id, string? issuer, DateTime validFrom, DateTime validTo, SecurityKey key) : SecurityToken
{
    public override string Id { get; } = id ?? "";

    public override string Issuer { get; } = issuer ?? "";

    public override SecurityKey SecurityKey { get; } = key;

    public override SecurityKey SigningKey { get; set; } = key;

    public override DateTime ValidFrom { get; } = validFrom;

    public override DateTime ValidTo { get; } = validTo;

    public override string UnsafeToString() => $"access token {Id}";
}
