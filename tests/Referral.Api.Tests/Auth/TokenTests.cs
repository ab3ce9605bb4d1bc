using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Referral.Testing;
using Xunit;

namespace Referral.Api.Tests.Auth;

/// <summary>Access tokens: what a valid one carries, and that every kind of tampering is refused.</summary>
[Collection(AccountsApiGroup.Name)]
public sealed class TokenTests(AccountsApiFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void IssuedTokensAreShortLivedHs256AccessTokensNamingUserSessionAndRoles()
    {
        var user = fixture.Host;
        var token = new JsonWebToken(user.AccessToken);

        Assert.Equal("HS256", token.Alg);
        Assert.Equal("at+jwt", token.Typ);
        Assert.Equal(ReferralApiFactory.SigningKeyId, token.Kid);
        Assert.Equal("referral", token.Issuer);
        Assert.Equal(["referral-api"], token.Audiences);
        Assert.Equal(user.Id.ToString(), token.Subject);
        Assert.Equal(user.SessionId.ToString(), token.GetClaim("sid").Value);
        Assert.False(string.IsNullOrEmpty(token.Id), "jti");
        Assert.Equal(["player", "host"], token.Claims.Where(c => c.Type == "role").Select(c => c.Value));
        Assert.Equal(TimeSpan.FromMinutes(15), token.ValidTo - token.IssuedAt);
    }

    [Fact]
    public async Task ATokenMintedWithTheConfiguredKeyIsAccepted()
    {
        // The baseline for the tampering cases: each changes one thing of this token.
        using var http = fixture.Api.CreateHttpClient(TestTokens.Mint(fixture.Player.Id, ["player"], sessionId: fixture.Player.SessionId));
        var response = await http.GetAsync(new Uri("api/me", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public static TheoryData<string> Tamperings =>
    [
        "alg none",
        "wrong key",
        "unknown key id",
        "expired",
        "not yet valid",
        "wrong audience",
        "wrong issuer",
        "not an access token",
        "modified payload",
        "unknown user",
    ];

    [Theory]
    [MemberData(nameof(Tamperings))]
    public async Task TamperedTokensAreRefusedWith401(string tampering)
    {
        var player = fixture.Player.Id;
        var session = fixture.Player.SessionId;
        var now = DateTimeOffset.UtcNow;
        var token = tampering switch
        {
            "alg none" => TestTokens.WithAlgNone(TestTokens.Mint(player, ["player"], sessionId: session)),
            "wrong key" => TestTokens.Mint(player, ["player"], key: RandomNumberGenerator.GetBytes(32), sessionId: session),
            "unknown key id" => TestTokens.Mint(player, ["player"], keyId: "someone-elses-key", sessionId: session),
            "expired" => TestTokens.Mint(player, ["player"], issuedAt: now.AddMinutes(-20), lifetime: TimeSpan.FromMinutes(15), sessionId: session),
            "not yet valid" => TestTokens.Mint(player, ["player"], issuedAt: now.AddMinutes(5), sessionId: session),
            "wrong audience" => TestTokens.Mint(player, ["player"], audience: "another-api", sessionId: session),
            "wrong issuer" => TestTokens.Mint(player, ["player"], issuer: "someone-else", sessionId: session),
            "not an access token" => TestTokens.Mint(player, ["player"], tokenType: "JWT", sessionId: session),
            "modified payload" => TestTokens.WithPayload(fixture.Player.AccessToken, json => json.Replace("\"player\"", "\"admin\"", StringComparison.Ordinal)),
            "unknown user" => TestTokens.Mint(Guid.NewGuid(), ["player", "admin"]),
            _ => throw new ArgumentOutOfRangeException(nameof(tampering), tampering, null),
        };

        using var http = fixture.Api.CreateHttpClient(token);
        var response = await http.GetAsync(new Uri("api/me", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        var problem = await response.Content.ReadFromJsonAsync<Dictionary<string, object>>(Ct);
        Assert.Equal("unauthorized", problem!["code"].ToString());
    }

    [Fact]
    public async Task ARoleTakenAwayIsGoneAtOnceEvenFromTokensThatStillCarryIt()
    {
        var demoted = (await fixture.FreshAsync(Actor.Admin, Ct))!;
        using var asDemoted = fixture.As(demoted);
        Assert.Equal(HttpStatusCode.OK, (await asDemoted.GetAsync(new Uri("api/diagnostics/cluster", UriKind.Relative), Ct)).StatusCode);

        using var admin = fixture.As(fixture.Admin);
        var demote = await admin.PutAsJsonAsync($"api/admin/users/{demoted.Id}/roles", new { roles = RoleSets.Player }, Ct);
        Assert.Equal(HttpStatusCode.OK, demote.StatusCode);

        Assert.Contains(new JsonWebToken(demoted.AccessToken).Claims, c => c.Type == "role" && c.Value == "admin");
        Assert.Equal(HttpStatusCode.Forbidden, (await asDemoted.GetAsync(new Uri("api/diagnostics/cluster", UriKind.Relative), Ct)).StatusCode);
    }

    [Fact]
    public async Task ARoleGrantedArrivesWithTheNextRefreshNotBefore()
    {
        using var anonymous = fixture.Anonymous();
        var guest = await anonymous.GuestAsync(ct: Ct);
        using var admin = fixture.As(fixture.Admin);
        var grant = await admin.PutAsJsonAsync($"api/admin/users/{guest.Id}/roles", new { roles = RoleSets.PlayerHost }, Ct);
        Assert.Equal(HttpStatusCode.OK, grant.StatusCode);

        // The old token was signed with player only; the role set is never widened in flight.
        Assert.DoesNotContain(new JsonWebToken(guest.AccessToken).Claims, c => c.Type == "role" && c.Value == "host");
        var refreshed = await anonymous.RefreshAsync(guest, Ct);
        Assert.Contains(new JsonWebToken(refreshed.AccessToken).Claims, c => c.Type == "role" && c.Value == "host");
    }
}
