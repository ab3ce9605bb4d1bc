using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Referral.Api.Auth;
using Referral.Testing;
using Xunit;

namespace Referral.Api.Tests.Auth;

/// <summary>
/// Rate limits and the account lockout, on an api with tiny limits. Each test speaks from its own
/// client addresses (X-Forwarded-For from the loopback proxy, which the api trusts by default), so
/// tests do not share per-IP budgets.
/// </summary>
public sealed class RateLimitTests(LimitedApi fixture) : IClassFixture<LimitedApi>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task LoginsPerClientAddressAreLimitedAndOtherAddressesAreNot()
    {
        for (var i = 0; i < 3; i++)
        {
            var allowed = await Post("198.51.100.10", "api/auth/login", new { email = AuthClient.NewEmail("nobody"), password = "wrong-password-1" });
            Assert.Equal(HttpStatusCode.Unauthorized, allowed.StatusCode);
        }

        await AssertLimited(await Post("198.51.100.10", "api/auth/login", new { email = AuthClient.NewEmail("nobody"), password = "wrong-password-1" }), "rate_limited");
        var elsewhere = await Post("198.51.100.11", "api/auth/login", new { email = AuthClient.NewEmail("nobody"), password = "wrong-password-1" });
        Assert.Equal(HttpStatusCode.Unauthorized, elsewhere.StatusCode);
    }

    [Fact]
    public async Task RegistrationsPerClientAddressAreLimited()
    {
        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(HttpStatusCode.Created, (await Post("198.51.100.20", "api/auth/register", NewRegistration())).StatusCode);
        }

        await AssertLimited(await Post("198.51.100.20", "api/auth/register", NewRegistration()), "rate_limited");
    }

    [Fact]
    public async Task GuestSignInsPerClientAddressAreLimited()
    {
        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await Post("198.51.100.21", "api/auth/guest", NewGuest())).StatusCode);
        }

        await AssertLimited(await Post("198.51.100.21", "api/auth/guest", NewGuest()), "rate_limited");
    }

    [Fact]
    public async Task GuestSignInsOverHttpAndOnTheHubDrawOnOneBudgetPerAddress()
    {
        const string Address = "198.51.100.80";
        Assert.Equal(HttpStatusCode.OK, (await Post(Address, "api/auth/guest", NewGuest())).StatusCode);
        await using (var first = await AnonymousHub(Address))
        {
            await first.InvokeAsync<AuthResponse>("SignInGuest", "Limited Guest", AuthClient.NewDeviceId(), null, null, Ct);
        }

        // Both doors are closed now: two sign-ins were the whole budget.
        await AssertLimited(await Post(Address, "api/auth/guest", NewGuest()), "rate_limited");
        await using var second = await AnonymousHub(Address);
        var refused = await Assert.ThrowsAsync<HubException>(() => second.InvokeAsync<AuthResponse>("SignInGuest", "Limited Guest", AuthClient.NewDeviceId(), null, null, Ct));
        Assert.Contains("HubException: rate_limited: ", refused.Message, StringComparison.Ordinal);

        // Another address still signs in on the hub.
        await using var elsewhere = await AnonymousHub("198.51.100.81");
        await elsewhere.InvokeAsync<AuthResponse>("SignInGuest", "Limited Guest", AuthClient.NewDeviceId(), null, null, Ct);
    }

    [Fact]
    public async Task JoinRoomAsGuestCountsEveryCallAgainstTheGuestBudgetAWrongPinToo()
    {
        const string Address = "198.51.100.82";
        await using var hub = await AnonymousHub(Address);
        // Two tries of PINs that hold no room use up the address's two guest sign-ins...
        for (var i = 0; i < 2; i++)
        {
            var missed = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<object>("JoinRoomAsGuest", "00000" + i, "Prober", AuthClient.NewDeviceId(), null, null, Ct));
            Assert.Contains("HubException: room_not_found: ", missed.Message, StringComparison.Ordinal);
        }

        // ...so the third is refused before its PIN is looked up, and the other door is closed too.
        var refused = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<object>("JoinRoomAsGuest", "000009", "Prober", AuthClient.NewDeviceId(), null, null, Ct));
        Assert.Contains("HubException: rate_limited: ", refused.Message, StringComparison.Ordinal);
        await AssertLimited(await Post(Address, "api/auth/guest", NewGuest()), "rate_limited");
    }

    [Fact]
    public async Task RefreshesPerClientAddressAreLimited()
    {
        var tokens = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var guest = await AuthClient.ReadUser(await Post($"198.51.100.{30 + i}", "api/auth/guest", NewGuest()), HttpStatusCode.OK, "guest", null, null, null, Ct);
            tokens.Add(guest.RefreshToken);
        }

        Assert.Equal(HttpStatusCode.OK, (await Post("198.51.100.22", "api/auth/refresh", new { refreshToken = tokens[0] })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Post("198.51.100.22", "api/auth/refresh", new { refreshToken = tokens[1] })).StatusCode);
        await AssertLimited(await Post("198.51.100.22", "api/auth/refresh", new { refreshToken = tokens[2] }), "rate_limited");
    }

    [Fact]
    public async Task LoginsPerAccountAreLimitedWhateverTheAddress()
    {
        var email = AuthClient.NewEmail("popular");
        Assert.Equal(HttpStatusCode.Created, (await Post("198.51.100.40", "api/auth/register", NewRegistration(email))).StatusCode);
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await Post($"198.51.100.{41 + i}", "api/auth/login", new { email, password = AuthClient.Password })).StatusCode);
        }

        await AssertLimited(await Post("198.51.100.47", "api/auth/login", new { email, password = AuthClient.Password }), "rate_limited");
    }

    [Fact]
    public async Task PasswordChecksOfASignedInUserAreLimitedPerUser()
    {
        var guest = await AuthClient.ReadUser(await Post("198.51.100.50", "api/auth/guest", NewGuest()), HttpStatusCode.OK, "guest", null, null, null, Ct);
        using var http = fixture.Api.CreateHttpClient(guest);
        for (var i = 0; i < 2; i++)
        {
            // Refused by the policy (too short), but each attempt still counts: the point is the hashing cost.
            var refused = await http.PostAsJsonAsync("api/me/upgrade", new { email = AuthClient.NewEmail("limited-upgrade"), password = "short" }, Ct);
            await ProblemAssert.Is(refused, HttpStatusCode.BadRequest, "password_policy", "password");
        }

        await AssertLimited(await http.PostAsJsonAsync("api/me/upgrade", new { email = AuthClient.NewEmail("limited-upgrade"), password = AuthClient.Password }, Ct), "rate_limited");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AnAccountIsLockedOutAfterTooManyFailuresAndUnknownEmailsAnswerAlike(bool registered)
    {
        var email = AuthClient.NewEmail("locked");
        var block = registered ? 60 : 70;
        if (registered)
        {
            Assert.Equal(HttpStatusCode.Created, (await Post($"198.51.100.{block}", "api/auth/register", NewRegistration(email))).StatusCode);
        }

        for (var i = 1; i <= 3; i++)
        {
            var failed = await Post($"198.51.100.{block + i}", "api/auth/login", new { email, password = "wrong-password-1" });
            await ProblemAssert.Is(failed, HttpStatusCode.Unauthorized, "invalid_credentials");
        }

        // Even the right password waits now: the lockout is the account's, not the caller's.
        await AssertLimited(await Post($"198.51.100.{block + 5}", "api/auth/login", new { email, password = AuthClient.Password }), "locked_out");
    }

    private static object NewRegistration(string? email = null) =>
        new { email = email ?? AuthClient.NewEmail("limited"), password = AuthClient.Password, displayName = "Limited", locale = "en" };

    private static object NewGuest() => new { displayName = "Limited Guest", deviceId = AuthClient.NewDeviceId() };

    private static async Task AssertLimited(HttpResponseMessage response, string code)
    {
        await ProblemAssert.Is(response, HttpStatusCode.TooManyRequests, code);
        var retryAfter = Assert.Single(response.Headers.GetValues("Retry-After"));
        Assert.True(int.Parse(retryAfter, CultureInfo.InvariantCulture) >= 1, $"Retry-After: {retryAfter}");
    }

    private async Task<HubConnection> AnonymousHub(string clientAddress)
    {
        var hub = fixture.Api.CreateHubConnection(configure: o => o.Headers["X-Forwarded-For"] = clientAddress);
        await hub.StartAsync(Ct);
        return hub;
    }

    private async Task<HttpResponseMessage> Post(string clientAddress, string path, object body)
    {
        using var http = fixture.Api.CreateHttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = JsonContent.Create(body) };
        request.Headers.Add("X-Forwarded-For", clientAddress);
        var response = await http.SendAsync(request, Ct);
        await response.Content.LoadIntoBufferAsync(Ct);
        return response;
    }
}
