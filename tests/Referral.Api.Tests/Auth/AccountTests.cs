using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Referral.Testing;
using Xunit;

namespace Referral.Api.Tests.Auth;

/// <summary>Registration, login, guests and their upgrade, profile, export and deletion.</summary>
[Collection(AccountsApiGroup.Name)]
public sealed class AccountTests(AccountsApiFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RegistrationReturnsTokensAndAnEmailAccountWithPlayerAndHostRoles()
    {
        using var http = fixture.Anonymous();
        var email = AuthClient.NewEmail("Mixed.Case");
        var code = await fixture.ReferralCodeAsync(Ct);
        var response = await http.PostAsJsonAsync("api/auth/register",
            new { email, password = AuthClient.Password, displayName = "Ada Lovelace", locale = "fr-CA", referralCode = code }, Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("/api/me", response.Headers.Location?.OriginalString);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("Bearer", body.GetProperty("tokenType").GetString());
        Assert.InRange(body.GetProperty("expiresIn").GetInt32(), 890, 900);
        Assert.StartsWith("rt1.", body.GetProperty("refreshToken").GetString(), StringComparison.Ordinal);
        var user = body.GetProperty("user");
        Assert.Equal(email, user.GetProperty("email").GetString());
        Assert.Equal("Ada Lovelace", user.GetProperty("displayName").GetString());
        Assert.Equal("fr", user.GetProperty("locale").GetString());
        Assert.Equal(code, user.GetProperty("referralCode").GetString());
        Assert.False(user.GetProperty("isGuest").GetBoolean());
        Assert.Equal(["player", "host"], user.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));

        using var signedIn = fixture.Api.CreateHttpClient(body.GetProperty("accessToken").GetString());
        var me = await signedIn.GetFromJsonAsync<JsonElement>("api/me", Ct);
        Assert.Equal(user.GetProperty("id").GetGuid(), me.GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task AnEmailRegistersOnceWhateverItsCase()
    {
        using var http = fixture.Anonymous();
        var email = AuthClient.NewEmail("twice");
        await http.RegisterAsync(email, ct: Ct);
        var again = await http.PostAsJsonAsync("api/auth/register",
            new { email = "  " + email.ToUpperInvariant() + " ", password = AuthClient.Password, displayName = "Copycat", locale = "en" }, Ct);
        await ProblemAssert.Is(again, HttpStatusCode.Conflict, "email_taken");
    }

    [Fact]
    public async Task InvalidRegistrationsNameEveryBadField()
    {
        using var http = fixture.Anonymous();
        var empty = await http.PostAsJsonAsync("api/auth/register", new { email = "not-an-email" }, Ct);
        await ProblemAssert.Is(empty, HttpStatusCode.BadRequest, "validation_failed", "email", "password", "displayName", "locale");

        var common = await http.PostAsJsonAsync("api/auth/register",
            new { email = AuthClient.NewEmail(), password = "12345678", displayName = "Common", locale = "en" }, Ct);
        await ProblemAssert.Is(common, HttpStatusCode.BadRequest, "password_policy", "password");

        var shortPassword = await http.PostAsJsonAsync("api/auth/register",
            new { email = AuthClient.NewEmail(), password = "short", displayName = "Short", locale = "en" }, Ct);
        await ProblemAssert.Is(shortPassword, HttpStatusCode.BadRequest, "password_policy", "password");

        var locale = await http.PostAsJsonAsync("api/auth/register",
            new { email = AuthClient.NewEmail(), password = AuthClient.Password, displayName = "Klingon", locale = "tlh" }, Ct);
        await ProblemAssert.Is(locale, HttpStatusCode.BadRequest, "invalid_profile", "locale");

        var name = await http.PostAsJsonAsync("api/auth/register",
            new { email = AuthClient.NewEmail(), password = AuthClient.Password, displayName = "A\u200Bdmin", locale = "en" }, Ct);
        await ProblemAssert.Is(name, HttpStatusCode.BadRequest, "invalid_profile", "displayName");
    }

    [Fact]
    public async Task LoginAnswersAnUnknownEmailExactlyLikeAWrongPassword()
    {
        using var http = fixture.Anonymous();
        var unknown = await http.PostAsJsonAsync("api/auth/login", new { email = AuthClient.NewEmail("nobody"), password = AuthClient.Password }, Ct);
        var wrong = await http.PostAsJsonAsync("api/auth/login", new { email = fixture.Host.Email, password = "wrong-password-123" }, Ct);

        var a = await ProblemAssert.Is(unknown, HttpStatusCode.Unauthorized, "invalid_credentials");
        var b = await ProblemAssert.Is(wrong, HttpStatusCode.Unauthorized, "invalid_credentials");
        Assert.Equal(Without(a, "traceId"), Without(b, "traceId"));
        Assert.Equal(unknown.Headers.Select(h => h.Key).Order(), wrong.Headers.Select(h => h.Key).Order());
    }

    [Fact]
    public async Task LoginTakesComparableTimeForAnUnknownEmailAndAWrongPassword()
    {
        using var http = fixture.Anonymous();
        var known = fixture.Host.Email!;
        var unknownEmails = Enumerable.Range(0, 12).Select(_ => AuthClient.NewEmail("timing")).ToList();

        // Warm-up: JIT, connection, and the hasher's dummy hash, none of which a real caller sees twice.
        await Time(http, known, "wrong-password-000");
        await Time(http, AuthClient.NewEmail("warmup"), "wrong-password-000");

        var unknownTimes = new List<double>();
        var wrongTimes = new List<double>();
        for (var i = 0; i < unknownEmails.Count; i++)
        {
            // Interleaved so that load on the machine affects both series alike.
            unknownTimes.Add(await Time(http, unknownEmails[i], "wrong-password-123"));
            wrongTimes.Add(await Time(http, known, "wrong-password-123"));
        }

        var ratio = Median(unknownTimes) / Median(wrongTimes);
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"median unknown email {Median(unknownTimes):0.0} ms, wrong password {Median(wrongTimes):0.0} ms, ratio {ratio:0.00}");
        Assert.InRange(ratio, 0.5, 2.0);
    }

    [Fact]
    public async Task AGuestComesBackAsTheSameUserFromTheSameDevice()
    {
        using var http = fixture.Anonymous();
        var device = AuthClient.NewDeviceId();
        var first = await http.GuestAsync(device, "Quick Fox", Ct);
        var second = await http.GuestAsync(device, "Another Name", Ct);

        Assert.Equal(first.Id, second.Id);
        Assert.NotEqual(first.SessionId, second.SessionId);
        Assert.Equal(["player"], first.Roles);
        using var signedIn = fixture.As(second);
        var me = await signedIn.GetFromJsonAsync<JsonElement>("api/me", Ct);
        Assert.True(me.GetProperty("isGuest").GetBoolean());
        Assert.Equal("Quick Fox", me.GetProperty("displayName").GetString());
    }

    [Theory]
    [InlineData("too-short")]
    [InlineData("has spaces in it somewhere")]
    [InlineData("")]
    public async Task GuestDeviceIdsMustLookRandom(string deviceId)
    {
        using var http = fixture.Anonymous();
        var response = await http.PostAsJsonAsync("api/auth/guest", new { displayName = "Guest", deviceId }, Ct);
        await ProblemAssert.Is(response, HttpStatusCode.BadRequest, "validation_failed", "deviceId");
    }

    [Fact]
    public async Task UpgradingAGuestKeepsItsUserIdAndEndsTheGuestSession()
    {
        using var http = fixture.Anonymous();
        var device = AuthClient.NewDeviceId();
        var guest = await http.GuestAsync(device, "Upgrader", Ct);
        using var asGuest = fixture.As(guest);
        var email = AuthClient.NewEmail("upgraded");

        var response = await asGuest.PostAsJsonAsync("api/me/upgrade", new { email, password = AuthClient.Password }, Ct);
        var upgraded = await AuthClient.ReadUser(response, HttpStatusCode.OK, "upgrade", email, AuthClient.Password, null, Ct);

        Assert.Equal(guest.Id, upgraded.Id);
        Assert.Equal(["player", "host"], upgraded.Roles);
        var old = await http.PostAsJsonAsync("api/auth/refresh", new { refreshToken = guest.RefreshToken }, Ct);
        await ProblemAssert.Is(old, HttpStatusCode.Unauthorized, "invalid_refresh_token");

        var login = await http.LoginAsync(email, ct: Ct);
        Assert.Equal(guest.Id, login.Id);
        using var signedIn = fixture.As(login);
        var me = await signedIn.GetFromJsonAsync<JsonElement>("api/me", Ct);
        Assert.False(me.GetProperty("isGuest").GetBoolean());
        Assert.Equal("Upgrader", me.GetProperty("displayName").GetString());

        // The device id alone no longer opens the account: it gets a new guest.
        var sameDevice = await http.GuestAsync(device, "Upgrader", Ct);
        Assert.NotEqual(guest.Id, sameDevice.Id);
    }

    [Fact]
    public async Task UpgradingToATakenEmailIsAConflict()
    {
        using var http = fixture.Anonymous();
        var guest = await http.GuestAsync(ct: Ct);
        using var asGuest = fixture.As(guest);
        var response = await asGuest.PostAsJsonAsync("api/me/upgrade", new { email = fixture.Host.Email, password = AuthClient.Password }, Ct);
        await ProblemAssert.Is(response, HttpStatusCode.Conflict, "email_taken");
    }

    [Fact]
    public async Task ConfiguredAdminEmailsGetTheAdminRoleOnRegistrationUpgradeAndLogin()
    {
        Assert.Contains("admin", fixture.Admin.Roles);

        using var http = fixture.Anonymous();
        var guest = await http.GuestAsync(ct: Ct);
        using (var asGuest = fixture.As(guest))
        {
            var response = await asGuest.PostAsJsonAsync("api/me/upgrade", new { email = AccountsApiFixture.UpgradeAdminEmail, password = AuthClient.Password }, Ct);
            var upgraded = await AuthClient.ReadUser(response, HttpStatusCode.OK, "admin upgrade", AccountsApiFixture.UpgradeAdminEmail, AuthClient.Password, null, Ct);
            Assert.Equal(["player", "host", "admin"], upgraded.Roles);
        }

        var restored = await http.RegisterAsync(AccountsApiFixture.RestoredAdminEmail, ct: Ct);
        Assert.Contains("admin", restored.Roles);
        using (var admin = fixture.As(fixture.Admin))
        {
            var demoted = await admin.PutAsJsonAsync($"api/admin/users/{restored.Id}/roles", new { roles = RoleSets.PlayerHost }, Ct);
            Assert.Equal(HttpStatusCode.OK, demoted.StatusCode);
        }

        var login = await http.LoginAsync(AccountsApiFixture.RestoredAdminEmail, ct: Ct);
        Assert.Equal(["player", "host", "admin"], login.Roles);
    }

    [Fact]
    public async Task ProfileUpdatesChangeOnlyWhatIsSentAndNameBadFields()
    {
        using var http = fixture.Anonymous();
        var user = await http.GuestAsync(displayName: "Before", ct: Ct);
        using var signedIn = fixture.As(user);

        var renamed = await signedIn.PatchAsJsonAsync("api/me", new { displayName = "After" }, Ct);
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        var me = await renamed.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("After", me.GetProperty("displayName").GetString());
        Assert.Equal("en", me.GetProperty("locale").GetString());

        var bad = await signedIn.PatchAsJsonAsync("api/me", new { locale = "xx" }, Ct);
        await ProblemAssert.Is(bad, HttpStatusCode.BadRequest, "invalid_profile", "locale");
    }

    [Fact]
    public async Task ExportHoldsEverythingKeptOnTheUser()
    {
        using var http = fixture.Anonymous();
        var email = AuthClient.NewEmail("export");
        var code = await fixture.ReferralCodeAsync(Ct);
        var response = await http.PostAsJsonAsync("api/auth/register",
            new { email, password = AuthClient.Password, displayName = "Export Me", locale = "en", referralCode = code, device = "Pixel 9" }, Ct);
        var user = await AuthClient.ReadUser(response, HttpStatusCode.Created, "register", email, AuthClient.Password, null, Ct);

        using var signedIn = fixture.As(user);
        var export = await signedIn.GetFromJsonAsync<JsonElement>("api/me/export", Ct);
        var held = export.GetProperty("user");
        Assert.Equal(user.Id, held.GetProperty("id").GetGuid());
        Assert.Equal(email, held.GetProperty("email").GetString());
        Assert.Equal("Export Me", held.GetProperty("displayName").GetString());
        Assert.Equal(code, held.GetProperty("referralCode").GetString());
        Assert.Contains(export.GetProperty("sessions").EnumerateArray(), s => s.GetProperty("device").GetString() == "Pixel 9");
        Assert.Contains("Pixel 9", export.GetProperty("deviceLabels").EnumerateArray().Select(d => d.GetString()));
        Assert.True(export.TryGetProperty("exportedAt", out _));
    }

    [Fact]
    public async Task DeletionErasesTheAccountRefusesItsTokensAndFreesTheEmail()
    {
        using var http = fixture.Anonymous();
        var user = await http.RegisterAsync(ct: Ct);
        using var signedIn = fixture.As(user);

        Assert.Equal(HttpStatusCode.NoContent, (await signedIn.DeleteAsync(new Uri("api/me", UriKind.Relative), Ct)).StatusCode);

        // The access token is still within its 15 minutes, yet refused: the user is gone.
        Assert.Equal(HttpStatusCode.Unauthorized, (await signedIn.GetAsync(new Uri("api/me", UriKind.Relative), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await signedIn.GetAsync(new Uri("api/me/export", UriKind.Relative), Ct)).StatusCode);
        await ProblemAssert.Is(await http.PostAsJsonAsync("api/auth/refresh", new { refreshToken = user.RefreshToken }, Ct),
            HttpStatusCode.Unauthorized, "invalid_refresh_token");
        await ProblemAssert.Is(await http.PostAsJsonAsync("api/auth/login", new { email = user.Email, password = AuthClient.Password }, Ct),
            HttpStatusCode.Unauthorized, "invalid_credentials");

        using (var admin = fixture.As(fixture.Admin))
        {
            await ProblemAssert.Is(await admin.GetAsync(new Uri($"api/admin/users/{user.Id}", UriKind.Relative), Ct), HttpStatusCode.NotFound, "user_not_found");
        }

        var again = await http.RegisterAsync(user.Email, ct: Ct);
        Assert.NotEqual(user.Id, again.Id);
    }

    [Fact]
    public async Task AdminsManageRolesButNotTheirOwnAdminRole()
    {
        using var admin = fixture.As(fixture.Admin);
        var unknown = await admin.PutAsJsonAsync($"api/admin/users/{fixture.OtherPlayer.Id}/roles", new { roles = RoleSets.Unknown }, Ct);
        await ProblemAssert.Is(unknown, HttpStatusCode.BadRequest, "invalid_role", "roles");

        var missing = await admin.PutAsJsonAsync($"api/admin/users/{fixture.OtherPlayer.Id}/roles", new { }, Ct);
        await ProblemAssert.Is(missing, HttpStatusCode.BadRequest, "validation_failed", "roles");

        var self = await admin.PutAsJsonAsync($"api/admin/users/{fixture.Admin.Id}/roles", new { roles = RoleSets.Player }, Ct);
        await ProblemAssert.Is(self, HttpStatusCode.Conflict, "cannot_demote_self");

        var nobody = await admin.PutAsJsonAsync($"api/admin/users/{Guid.NewGuid()}/roles", new { roles = RoleSets.Player }, Ct);
        await ProblemAssert.Is(nobody, HttpStatusCode.NotFound, "user_not_found");

        var view = await admin.GetFromJsonAsync<JsonElement>($"api/admin/users/{fixture.Host.Id}", Ct);
        Assert.Equal(fixture.Host.Email, view.GetProperty("email").GetString());
    }

    [Fact]
    public async Task NoEmailPasswordOrTokenEverReachesTheLogs()
    {
        using var http = fixture.Anonymous();
        var email = AuthClient.NewEmail("secret-address");
        var user = await http.RegisterAsync(email, ct: Ct);
        var login = await http.LoginAsync(email, ct: Ct);
        await http.PostAsJsonAsync("api/auth/login", new { email, password = "a-wrong-password-1" }, Ct);
        var refreshed = await http.RefreshAsync(login, Ct);
        await http.PostAsJsonAsync("api/auth/refresh", new { refreshToken = login.RefreshToken }, Ct);
        // The reused refresh token ended the login session (and its access tokens); the
        // registration session is still live.
        await using (var hub = fixture.Api.CreateHubConnection(user))
        {
            await hub.StartAsync(Ct);
        }

        var secrets = new[] { email, AuthClient.Password, "a-wrong-password-1", user.AccessToken, user.RefreshToken, login.RefreshToken, refreshed.AccessToken };
        var leaks = fixture.Api.Logs.Lines.Where(line => secrets.Any(s => line.Contains(s, StringComparison.OrdinalIgnoreCase))).ToList();
        Assert.True(leaks.Count == 0, "secrets in log lines:" + Environment.NewLine + string.Join(Environment.NewLine, leaks));
        Assert.Contains(fixture.Api.Logs.Lines, l => l.Contains(user.Id.ToString(), StringComparison.Ordinal));
    }

    private static async Task<double> Time(HttpClient http, string email, string password)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        using var response = await http.PostAsJsonAsync("api/auth/login", new { email, password }, Ct);
        var elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        return elapsed;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static string Without(JsonElement problem, string property) =>
        JsonSerializer.Serialize(problem.EnumerateObject().Where(p => p.Name != property).ToDictionary(p => p.Name, p => p.Value));
}
