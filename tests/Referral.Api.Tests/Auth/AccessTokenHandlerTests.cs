using System.Buffers.Text;
using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Referral.Api.Auth;
using Referral.Grains.Abstractions.Accounts;
using Referral.Testing;
using Xunit;

namespace Referral.Api.Tests.Auth;

/// <summary>
/// The api's own access-token issuer and validator, on their own: tokens they make are standard
/// JWTs (the general-purpose library reads and validates them, and they validate the library's),
/// and every way a token can be wrong is refused with the library's exception for it.
/// </summary>
public sealed class AccessTokenHandlerTests
{
    private const string KeyId = "unit-key";
    private static readonly byte[] Key = RandomNumberGenerator.GetBytes(32);
    private static readonly Guid UserId = Guid.NewGuid();
    private static readonly Guid SessionId = Guid.NewGuid();
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());
    private readonly FakeTimeProvider _clock = new(Now);

    private static TokenValidationParameters Parameters => new()
    {
        ValidIssuer = TestTokens.Issuer,
        ValidAudience = TestTokens.Audience,
        IssuerSigningKeys = [new SymmetricSecurityKey(Key) { KeyId = KeyId }, new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32)) { KeyId = "other" }],
        TryAllIssuerSigningKeys = false,
        ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
        ValidTypes = [TokenClaims.AccessTokenType],
        RequireSignedTokens = true,
        RequireExpirationTime = true,
        ClockSkew = TimeSpan.FromSeconds(30),
        NameClaimType = TokenClaims.Subject,
        RoleClaimType = TokenClaims.Role,
    };

    [Fact]
    public async Task IssuedTokensValidateHereAndWithTheGeneralPurposeLibrary()
    {
        var issued = Issuer().Issue(User("player", "host"), SessionId);
        Assert.Equal(Now + TimeSpan.FromMinutes(15), issued.ExpiresAt);

        var ours = Handler().Validate(issued.Token, Parameters);
        Assert.True(ours.IsValid, ours.Exception?.Message);
        var identity = ours.ClaimsIdentity;
        Assert.Equal(UserId.ToString(), identity.Name);
        Assert.Equal(SessionId.ToString(), identity.FindFirst("sid")?.Value);
        Assert.Equal(["player", "host"], identity.FindAll("role").Select(c => c.Value));
        Assert.True(new ClaimsPrincipal(identity).IsInRole("host"));
        Assert.Equal(issued.ExpiresAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), identity.FindFirst("exp")?.Value);
        Assert.Equal(issued.ExpiresAt.UtcDateTime, ours.SecurityToken.ValidTo);
        Assert.Equal(Now.UtcDateTime, ours.SecurityToken.ValidFrom);

        // The library checks the same token under the same rules (its clock is the real one, which
        // Now was taken from) and reads the same claims.
        var library = await new JsonWebTokenHandler { MapInboundClaims = false }.ValidateTokenAsync(issued.Token, Parameters);
        Assert.True(library.IsValid, library.Exception?.Message);
        var token = (JsonWebToken)library.SecurityToken;
        Assert.Equal("HS256", token.Alg);
        Assert.Equal("at+jwt", token.Typ);
        Assert.Equal(KeyId, token.Kid);
        Assert.Equal(UserId.ToString(), token.Subject);
        Assert.Equal(SessionId.ToString(), token.GetClaim("sid").Value);
        Assert.Equal(["player", "host"], token.Claims.Where(c => c.Type == "role").Select(c => c.Value));
        Assert.Equal(TimeSpan.FromMinutes(15), token.ValidTo - token.IssuedAt);
        Assert.Matches("^[0-9a-f]{32}$", token.Id);
    }

    [Fact]
    public void TwoTokensForTheSameSessionDifferByTheirId()
    {
        var issuer = Issuer();
        var first = new JsonWebToken(issuer.Issue(User("player"), SessionId).Token);
        var second = new JsonWebToken(issuer.Issue(User("player"), SessionId).Token);
        Assert.NotEqual(first.Id, second.Id);
    }

    [Fact]
    public void TokensMintedByTheGeneralPurposeLibraryAreAccepted()
    {
        var token = LibraryToken(Now, TimeSpan.FromMinutes(5), "at+jwt", KeyId, Key, ["player"]);
        var result = Handler().Validate(token, Parameters);
        Assert.True(result.IsValid, result.Exception?.Message);
        Assert.Equal(["player"], result.ClaimsIdentity.FindAll("role").Select(c => c.Value));
    }

    [Fact]
    public void ExpiryAndNotBeforeAllowTheClockSkewAndNotASecondMore()
    {
        var token = Issuer().Issue(User("player"), SessionId);

        var late = new FakeTimeProvider(token.ExpiresAt + TimeSpan.FromSeconds(30));
        Assert.True(new AccessTokenHandler(late).Validate(token.Token, Parameters).IsValid);
        late.Advance(TimeSpan.FromSeconds(1));
        Assert.IsType<SecurityTokenExpiredException>(new AccessTokenHandler(late).Validate(token.Token, Parameters).Exception);

        var early = new FakeTimeProvider(Now - TimeSpan.FromSeconds(31));
        Assert.IsType<SecurityTokenNotYetValidException>(new AccessTokenHandler(early).Validate(token.Token, Parameters).Exception);
        early.Advance(TimeSpan.FromSeconds(1));
        Assert.True(new AccessTokenHandler(early).Validate(token.Token, Parameters).IsValid);
    }

    public static TheoryData<string, Type> Refusals => new()
    {
        { "alg none", typeof(SecurityTokenInvalidAlgorithmException) },
        { "alg HS512", typeof(SecurityTokenInvalidAlgorithmException) },
        { "wrong key", typeof(SecurityTokenInvalidSignatureException) },
        { "the other configured key", typeof(SecurityTokenInvalidSignatureException) },
        { "unknown key id", typeof(SecurityTokenSignatureKeyNotFoundException) },
        { "no key id", typeof(SecurityTokenSignatureKeyNotFoundException) },
        { "type JWT", typeof(SecurityTokenInvalidTypeException) },
        { "no type", typeof(SecurityTokenInvalidTypeException) },
        { "modified claims", typeof(SecurityTokenInvalidSignatureException) },
        { "signature cut short", typeof(SecurityTokenInvalidSignatureException) },
        { "no signature", typeof(SecurityTokenInvalidSignatureException) },
        { "expired", typeof(SecurityTokenExpiredException) },
        { "not yet valid", typeof(SecurityTokenNotYetValidException) },
        { "nbf after exp", typeof(SecurityTokenInvalidLifetimeException) },
        { "wrong issuer", typeof(SecurityTokenInvalidIssuerException) },
        { "no issuer", typeof(SecurityTokenInvalidIssuerException) },
        { "wrong audience", typeof(SecurityTokenInvalidAudienceException) },
        { "no audience", typeof(SecurityTokenInvalidAudienceException) },
        { "no expiry", typeof(SecurityTokenNoExpirationException) },
        { "expiry as text", typeof(SecurityTokenMalformedException) },
        { "expiry with a fraction", typeof(SecurityTokenMalformedException) },
        { "sub twice", typeof(SecurityTokenMalformedException) },
        { "no sub", typeof(SecurityTokenMalformedException) },
        { "role not a string", typeof(SecurityTokenMalformedException) },
        { "jku in the header", typeof(SecurityTokenMalformedException) },
        { "kid twice", typeof(SecurityTokenMalformedException) },
        { "claims an array", typeof(SecurityTokenMalformedException) },
        { "claims not JSON", typeof(SecurityTokenMalformedException) },
        { "empty", typeof(SecurityTokenMalformedException) },
        { "one part", typeof(SecurityTokenMalformedException) },
        { "two parts", typeof(SecurityTokenMalformedException) },
        { "four parts", typeof(SecurityTokenMalformedException) },
        { "not base64url", typeof(SecurityTokenMalformedException) },
        { "too long", typeof(SecurityTokenMalformedException) },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void EveryWrongTokenIsRefusedWithItsReason(string wrong, Type reason)
    {
        var valid = Issuer().Issue(User("player"), SessionId).Token;
        var parts = valid.Split('.');
        var exp = (Now + TimeSpan.FromMinutes(5)).ToUnixTimeSeconds();
        var now = Now.ToUnixTimeSeconds();
        var claims = $"\"iss\":\"{TestTokens.Issuer}\",\"aud\":\"{TestTokens.Audience}\",\"sub\":\"{UserId}\",\"sid\":\"{SessionId}\",\"nbf\":{now}";
        var header = $"{{\"alg\":\"HS256\",\"kid\":\"{KeyId}\",\"typ\":\"at+jwt\"}}";
        var token = wrong switch
        {
            "alg none" => Encode("{\"alg\":\"none\",\"typ\":\"at+jwt\",\"kid\":\"" + KeyId + "\"}") + "." + parts[1] + ".",
            "alg HS512" => Jws("{\"alg\":\"HS512\",\"kid\":\"" + KeyId + "\",\"typ\":\"at+jwt\"}", $"{{{claims},\"exp\":{exp}}}"),
            "wrong key" => LibraryToken(Now, TimeSpan.FromMinutes(5), "at+jwt", KeyId, RandomNumberGenerator.GetBytes(32), ["player"]),
            "the other configured key" => LibraryToken(Now, TimeSpan.FromMinutes(5), "at+jwt", KeyId, ((SymmetricSecurityKey)Parameters.IssuerSigningKeys.Last()).Key, ["player"]),
            "unknown key id" => LibraryToken(Now, TimeSpan.FromMinutes(5), "at+jwt", "someone-elses", Key, ["player"]),
            "no key id" => Jws("{\"alg\":\"HS256\",\"typ\":\"at+jwt\"}", $"{{{claims},\"exp\":{exp}}}"),
            "type JWT" => LibraryToken(Now, TimeSpan.FromMinutes(5), "JWT", KeyId, Key, ["player"]),
            "no type" => Jws("{\"alg\":\"HS256\",\"kid\":\"" + KeyId + "\"}", $"{{{claims},\"exp\":{exp}}}"),
            "modified claims" => parts[0] + "." + Encode(Decode(parts[1]).Replace("\"player\"", "\"admin\"", StringComparison.Ordinal)) + "." + parts[2],
            "signature cut short" => valid[..^4],
            "no signature" => parts[0] + "." + parts[1] + ".",
            "expired" => LibraryToken(Now - TimeSpan.FromMinutes(20), TimeSpan.FromMinutes(15), "at+jwt", KeyId, Key, ["player"]),
            "not yet valid" => LibraryToken(Now + TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15), "at+jwt", KeyId, Key, ["player"]),
            "nbf after exp" => Jws(header, $"{{{claims.Replace($"\"nbf\":{now}", $"\"nbf\":{exp + 60}", StringComparison.Ordinal)},\"exp\":{exp}}}"),
            "wrong issuer" => Jws(header, $"{{{claims.Replace(TestTokens.Issuer, "someone-else", StringComparison.Ordinal)},\"exp\":{exp}}}"),
            "no issuer" => Jws(header, $"{{{claims.Replace($"\"iss\":\"{TestTokens.Issuer}\",", "", StringComparison.Ordinal)},\"exp\":{exp}}}"),
            "wrong audience" => Jws(header, $"{{{claims.Replace(TestTokens.Audience, "another-api", StringComparison.Ordinal)},\"exp\":{exp}}}"),
            "no audience" => Jws(header, $"{{{claims.Replace($"\"aud\":\"{TestTokens.Audience}\",", "", StringComparison.Ordinal)},\"exp\":{exp}}}"),
            "no expiry" => Jws(header, $"{{{claims}}}"),
            "expiry as text" => Jws(header, $"{{{claims},\"exp\":\"{exp}\"}}"),
            "expiry with a fraction" => Jws(header, $"{{{claims},\"exp\":{exp}.5}}"),
            "sub twice" => Jws(header, $"{{{claims},\"exp\":{exp},\"sub\":\"{Guid.NewGuid()}\"}}"),
            "no sub" => Jws(header, $"{{{claims.Replace($"\"sub\":\"{UserId}\",", "", StringComparison.Ordinal)},\"exp\":{exp}}}"),
            "role not a string" => Jws(header, $"{{{claims},\"exp\":{exp},\"role\":[1]}}"),
            "jku in the header" => Jws("{\"alg\":\"HS256\",\"kid\":\"" + KeyId + "\",\"typ\":\"at+jwt\",\"jku\":\"https://example.test/keys\"}", $"{{{claims},\"exp\":{exp}}}"),
            "kid twice" => Jws("{\"alg\":\"HS256\",\"kid\":\"" + KeyId + "\",\"kid\":\"other\",\"typ\":\"at+jwt\"}", $"{{{claims},\"exp\":{exp}}}"),
            "claims an array" => Jws(header, "[1,2]"),
            "claims not JSON" => Jws(header, "{\"sub\":"),
            "empty" => "",
            "one part" => parts[0],
            "two parts" => parts[0] + "." + parts[1],
            "four parts" => valid + "." + parts[2],
            "not base64url" => "%%%." + parts[1] + "." + parts[2],
            "too long" => Jws(header, $"{{{claims},\"exp\":{exp},\"pad\":\"{new string('x', AccessTokenHandler.MaxTokenLength)}\"}}"),
            _ => throw new ArgumentOutOfRangeException(nameof(wrong), wrong, null),
        };

        var result = Handler().Validate(token, Parameters);

        Assert.False(result.IsValid);
        Assert.IsType(reason, result.Exception);
    }

    [Fact]
    public void ClaimsTheApiDoesNotReadAreSkippedNotKept()
    {
        var exp = (Now + TimeSpan.FromMinutes(5)).ToUnixTimeSeconds();
        var token = Jws(
            $"{{\"alg\":\"HS256\",\"kid\":\"{KeyId}\",\"typ\":\"at+jwt\"}}",
            $"{{\"iss\":\"{TestTokens.Issuer}\",\"aud\":[\"elsewhere\",\"{TestTokens.Audience}\"],\"sub\":\"{UserId}\",\"exp\":{exp},\"email\":\"a@b.test\",\"nested\":{{\"role\":\"admin\"}},\"role\":\"player\"}}");

        var result = Handler().Validate(token, Parameters);

        Assert.True(result.IsValid, result.Exception?.Message);
        Assert.Equal(["sub", "role", "exp"], result.ClaimsIdentity.Claims.Select(c => c.Type));
        Assert.Equal("player", result.ClaimsIdentity.FindFirst("role")!.Value);
    }

    private AccessTokenHandler Handler() => new(_clock);

    private AccessTokenIssuer Issuer()
    {
        var options = new AuthOptions();
        options.SigningKeys.Add(new SigningKeyOptions { Id = KeyId, Key = Convert.ToBase64String(Key) });
        return new AccessTokenIssuer(AuthKeys.From(options), options, _clock);
    }

    private static UserView User(params string[] roles) =>
        new(UserId, "Quizzer", "en", null, true, roles, DateTimeOffset.UtcNow, null, false);

    private static string LibraryToken(DateTimeOffset issuedAt, TimeSpan lifetime, string type, string keyId, byte[] key, string[] roles) =>
        new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = TestTokens.Issuer,
            Audience = TestTokens.Audience,
            IssuedAt = issuedAt.UtcDateTime,
            NotBefore = issuedAt.UtcDateTime,
            Expires = (issuedAt + lifetime).UtcDateTime,
            TokenType = type,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(key) { KeyId = keyId }, SecurityAlgorithms.HmacSha256),
            Claims = new Dictionary<string, object> { ["sub"] = UserId.ToString(), ["sid"] = SessionId.ToString(), ["role"] = roles },
        });

    /// <summary>A compact JWS of exactly these header and claims texts, signed with the test key.</summary>
    private static string Jws(string header, string claims)
    {
        var input = Encode(header) + "." + Encode(claims);
        return input + "." + Base64Url.EncodeToString(HMACSHA256.HashData(Key, Encoding.ASCII.GetBytes(input)));
    }

    private static string Encode(string json) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json));

    private static string Decode(string part) => Encoding.UTF8.GetString(Base64Url.DecodeFromChars(part));
}
