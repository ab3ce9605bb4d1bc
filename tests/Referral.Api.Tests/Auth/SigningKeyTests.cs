using System.Net;
using Microsoft.IdentityModel.JsonWebTokens;
using Referral.Testing;
using Xunit;

namespace Referral.Api.Tests.Auth;

/// <summary>Key rotation by kid, and the development keys of single-node memory mode.</summary>
public sealed class SigningKeyTests(RotatedKeysApi rotated, NoKeysApi generated)
    : IClassFixture<RotatedKeysApi>, IClassFixture<NoKeysApi>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DuringARotationTheNewKeySignsAndTheOldKeyStillValidates()
    {
        using var http = rotated.Api.CreateHttpClient();
        var user = await http.GuestAsync(ct: Ct);
        Assert.Equal(RotatedKeysApi.NewKeyId, new JsonWebToken(user.AccessToken).Kid);

        // A token the old key signed before the rotation is still good until it expires.
        using var old = rotated.Api.CreateHttpClient(TestTokens.Mint(user.Id, ["player"], sessionId: user.SessionId));
        Assert.Equal(HttpStatusCode.OK, (await old.GetAsync(new Uri("api/me", UriKind.Relative), Ct)).StatusCode);

        // The kid picks the key: the old key's id on a token signed by another key fails.
        using var mismatched = rotated.Api.CreateHttpClient(TestTokens.Mint(user.Id, ["player"], key: RotatedKeysApi.NewKey, sessionId: user.SessionId));
        Assert.Equal(HttpStatusCode.Unauthorized, (await mismatched.GetAsync(new Uri("api/me", UriKind.Relative), Ct)).StatusCode);
        using var matched = rotated.Api.CreateHttpClient(TestTokens.Mint(user.Id, ["player"], key: RotatedKeysApi.NewKey, keyId: RotatedKeysApi.NewKeyId, sessionId: user.SessionId));
        Assert.Equal(HttpStatusCode.OK, (await matched.GetAsync(new Uri("api/me", UriKind.Relative), Ct)).StatusCode);
    }

    [Fact]
    public async Task MemoryModeWithoutKeysGeneratesThemAndSaysSoOnce()
    {
        using var http = generated.Api.CreateHttpClient();
        var user = await http.RegisterAsync(ct: Ct);
        using var signedIn = generated.Api.CreateHttpClient(user);
        Assert.Equal(HttpStatusCode.OK, (await signedIn.GetAsync(new Uri("api/me", UriKind.Relative), Ct)).StatusCode);

        var warning = Assert.Single(generated.Api.Logs.Lines, l => l.Contains("DEVELOPMENT KEYS", StringComparison.Ordinal));
        Assert.Contains("Auth:SigningKeys", warning, StringComparison.Ordinal);
        Assert.Contains("Auth:AccountKeySecret", warning, StringComparison.Ordinal);
        Assert.StartsWith("Warning", warning, StringComparison.Ordinal);

        // The test key is not among the generated ones.
        using var foreign = generated.Api.CreateHttpClient(TestTokens.Mint(user.Id, ["player"], sessionId: user.SessionId));
        Assert.Equal(HttpStatusCode.Unauthorized, (await foreign.GetAsync(new Uri("api/me", UriKind.Relative), Ct)).StatusCode);
    }
}
