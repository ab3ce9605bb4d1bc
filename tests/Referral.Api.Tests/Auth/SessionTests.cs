using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Referral.Testing;
using Xunit;

namespace Referral.Api.Tests.Auth;

/// <summary>Refresh-token rotation, reuse detection, logout and the sessions list.</summary>
[Collection(AccountsApiGroup.Name)]
public sealed class SessionTests(AccountsApiFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RefreshRotatesAndReusingARotatedTokenEndsTheWholeSession()
    {
        using var http = fixture.Anonymous();
        var first = await http.GuestAsync(ct: Ct);
        var second = await http.RefreshAsync(first, Ct);
        Assert.NotEqual(first.RefreshToken, second.RefreshToken);
        Assert.NotEqual(first.AccessToken, second.AccessToken);
        Assert.Equal(first.SessionId, second.SessionId);
        Assert.Equal(first.Id, second.Id);

        // The first token comes back: someone copied it. The session ends for both holders.
        var replay = await http.PostAsJsonAsync("api/auth/refresh", new { refreshToken = first.RefreshToken }, Ct);
        await ProblemAssert.Is(replay, HttpStatusCode.Unauthorized, "refresh_token_reused");

        var legitimate = await http.PostAsJsonAsync("api/auth/refresh", new { refreshToken = second.RefreshToken }, Ct);
        await ProblemAssert.Is(legitimate, HttpStatusCode.Unauthorized, "invalid_refresh_token");
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-token")]
    [InlineData("rt1.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task GarbageRefreshTokensAreRefused(string token)
    {
        using var http = fixture.Anonymous();
        var response = await http.PostAsJsonAsync("api/auth/refresh", new { refreshToken = token }, Ct);
        if (token.Length == 0)
        {
            await ProblemAssert.Is(response, HttpStatusCode.BadRequest, "validation_failed", "refreshToken");
        }
        else
        {
            await ProblemAssert.Is(response, HttpStatusCode.Unauthorized, "invalid_refresh_token");
        }
    }

    [Fact]
    public async Task LogoutEndsTheSessionOfTheToken()
    {
        using var http = fixture.Anonymous();
        var user = await http.GuestAsync(ct: Ct);
        using var signedIn = fixture.As(user);
        Assert.Equal(HttpStatusCode.NoContent, (await signedIn.PostAsync(new Uri("api/auth/logout", UriKind.Relative), null, Ct)).StatusCode);

        var refresh = await http.PostAsJsonAsync("api/auth/refresh", new { refreshToken = user.RefreshToken }, Ct);
        await ProblemAssert.Is(refresh, HttpStatusCode.Unauthorized, "invalid_refresh_token");

        // The access token of the ended session stops working at once, not at its expiry.
        Assert.Equal(HttpStatusCode.Unauthorized, (await signedIn.GetAsync(new Uri("api/me", UriKind.Relative), Ct)).StatusCode);
    }

    [Fact]
    public async Task LogoutWithARefreshTokenEndsThatSessionTooButNeverSomeoneElses()
    {
        using var http = fixture.Anonymous();
        var phone = await http.RegisterAsync(ct: Ct);
        var laptop = await http.LoginAsync(phone.Email!, ct: Ct);
        var stranger = await http.GuestAsync(ct: Ct);

        using var signedIn = fixture.As(phone);
        var logout = await signedIn.PostAsJsonAsync("api/auth/logout", new { refreshToken = laptop.RefreshToken }, Ct);
        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        // The phone's own session ended with that logout, access token included.
        Assert.Equal(HttpStatusCode.Unauthorized, (await signedIn.GetAsync(new Uri("api/me", UriKind.Relative), Ct)).StatusCode);

        var tablet = await http.LoginAsync(phone.Email!, ct: Ct);
        using var asTablet = fixture.As(tablet);
        var strangerLogout = await asTablet.PostAsJsonAsync("api/auth/logout", new { refreshToken = stranger.RefreshToken }, Ct);
        Assert.Equal(HttpStatusCode.NoContent, strangerLogout.StatusCode);

        foreach (var ended in new[] { phone, laptop, tablet })
        {
            var refresh = await http.PostAsJsonAsync("api/auth/refresh", new { refreshToken = ended.RefreshToken }, Ct);
            await ProblemAssert.Is(refresh, HttpStatusCode.Unauthorized, "invalid_refresh_token");
        }

        await http.RefreshAsync(stranger, Ct);
    }

    [Fact]
    public async Task SessionsListTheCallersLiveSessionsAndEndingOneRevokesIt()
    {
        using var http = fixture.Anonymous();
        var phone = await http.RegisterAsync(ct: Ct);
        var response = await http.PostAsJsonAsync("api/auth/login", new { email = phone.Email, password = AuthClient.Password, device = "Laptop (Firefox)" }, Ct);
        var laptop = await AuthClient.ReadUser(response, HttpStatusCode.OK, "laptop login", phone.Email, AuthClient.Password, null, Ct);

        using var signedIn = fixture.As(phone);
        var sessions = await signedIn.GetFromJsonAsync<JsonElement>("api/me/sessions", Ct);
        Assert.Equal(2, sessions.GetArrayLength());
        var current = sessions.EnumerateArray().Single(s => s.GetProperty("current").GetBoolean());
        Assert.Equal(phone.SessionId, current.GetProperty("sessionId").GetGuid());
        var other = sessions.EnumerateArray().Single(s => !s.GetProperty("current").GetBoolean());
        Assert.Equal("Laptop (Firefox)", other.GetProperty("device").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await signedIn.DeleteAsync(new Uri($"api/me/sessions/{laptop.SessionId}", UriKind.Relative), Ct)).StatusCode);
        var refresh = await http.PostAsJsonAsync("api/auth/refresh", new { refreshToken = laptop.RefreshToken }, Ct);
        await ProblemAssert.Is(refresh, HttpStatusCode.Unauthorized, "invalid_refresh_token");
        Assert.Equal(1, (await signedIn.GetFromJsonAsync<JsonElement>("api/me/sessions", Ct)).GetArrayLength());
        var again = await signedIn.DeleteAsync(new Uri($"api/me/sessions/{laptop.SessionId}", UriKind.Relative), Ct);
        await ProblemAssert.Is(again, HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task PasswordChangeEndsEveryOtherSessionAndKeepsThisDeviceSignedIn()
    {
        using var http = fixture.Anonymous();
        var phone = await http.RegisterAsync(ct: Ct);
        var laptop = await http.LoginAsync(phone.Email!, ct: Ct);

        using var signedIn = fixture.As(phone);
        var changed = await signedIn.PostAsJsonAsync("api/me/password", new { currentPassword = AuthClient.Password, newPassword = "a-brand-new-passphrase-9" }, Ct);
        var renewed = await AuthClient.ReadUser(changed, HttpStatusCode.OK, "password change", phone.Email, "a-brand-new-passphrase-9", null, Ct);
        Assert.Equal(phone.Id, renewed.Id);
        Assert.NotEqual(phone.SessionId, renewed.SessionId);

        foreach (var ended in new[] { phone, laptop })
        {
            var refresh = await http.PostAsJsonAsync("api/auth/refresh", new { refreshToken = ended.RefreshToken }, Ct);
            await ProblemAssert.Is(refresh, HttpStatusCode.Unauthorized, "invalid_refresh_token");
        }

        await http.RefreshAsync(renewed, Ct);
        await ProblemAssert.Is(await http.PostAsJsonAsync("api/auth/login", new { email = phone.Email, password = AuthClient.Password }, Ct),
            HttpStatusCode.Unauthorized, "invalid_credentials");
        await http.LoginAsync(phone.Email!, "a-brand-new-passphrase-9", Ct);
    }

    [Fact]
    public async Task PasswordChangeWithAWrongCurrentPasswordOrAWeakNewOneNamesTheField()
    {
        using var http = fixture.Anonymous();
        var user = await http.RegisterAsync(ct: Ct);
        using var signedIn = fixture.As(user);

        var wrong = await signedIn.PostAsJsonAsync("api/me/password", new { currentPassword = "not-the-password", newPassword = "a-brand-new-passphrase-9" }, Ct);
        await ProblemAssert.Is(wrong, HttpStatusCode.BadRequest, "invalid_credentials", "currentPassword");

        var weak = await signedIn.PostAsJsonAsync("api/me/password", new { currentPassword = AuthClient.Password, newPassword = "12345678" }, Ct);
        await ProblemAssert.Is(weak, HttpStatusCode.BadRequest, "password_policy", "newPassword");

        var guest = await http.GuestAsync(ct: Ct);
        using var asGuest = fixture.As(guest);
        var none = await asGuest.PostAsJsonAsync("api/me/password", new { currentPassword = "x", newPassword = "a-brand-new-passphrase-9" }, Ct);
        await ProblemAssert.Is(none, HttpStatusCode.Conflict, "no_password");
    }
}
