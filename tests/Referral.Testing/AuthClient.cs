using System.Net;
using System.Net.Http.Json;
using Referral.Api.Auth;

namespace Referral.Testing;

/// <summary>Sign-in helpers over the real endpoints, failing with the server's answer when a step does not succeed.</summary>
public static class AuthClient
{
    /// <summary>Long, random-looking and not on any common-password list.</summary>
    public const string Password = "correct-horse-battery-staple-42";

    /// <summary>A unique address on a reserved test domain.</summary>
    public static string NewEmail(string prefix = "user") => $"{prefix}-{Guid.NewGuid():N}@referral.test";

    /// <summary>A device id as an app would generate it (32 hex characters).</summary>
    public static string NewDeviceId() => Guid.NewGuid().ToString("N");

    public static async Task<TestUser> RegisterAsync(this HttpClient http, string? email = null, string password = Password, string displayName = "Test Host", CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(http);
        email ??= NewEmail();
        var response = await http.PostAsJsonAsync("api/auth/register", new { email, password, displayName, locale = "en" }, ct);
        return await ReadUser(response, HttpStatusCode.Created, $"register {email}", email, password, null, ct);
    }

    public static async Task<TestUser> LoginAsync(this HttpClient http, string email, string password = Password, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(http);
        var response = await http.PostAsJsonAsync("api/auth/login", new { email, password }, ct);
        return await ReadUser(response, HttpStatusCode.OK, $"login {email}", email, password, null, ct);
    }

    public static async Task<TestUser> GuestAsync(this HttpClient http, string? deviceId = null, string displayName = "Test Guest", CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(http);
        deviceId ??= NewDeviceId();
        var response = await http.PostAsJsonAsync("api/auth/guest", new { displayName, deviceId, locale = "en" }, ct);
        return await ReadUser(response, HttpStatusCode.OK, "guest sign-in", null, null, deviceId, ct);
    }

    /// <summary>Rotates <paramref name="user"/>'s refresh token; the returned user holds the new tokens.</summary>
    public static async Task<TestUser> RefreshAsync(this HttpClient http, TestUser user, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(user);
        var response = await http.PostAsJsonAsync("api/auth/refresh", new { refreshToken = user.RefreshToken }, ct);
        return await ReadUser(response, HttpStatusCode.OK, $"refresh of user {user.Id}", user.Email, user.Password, user.DeviceId, ct);
    }

    /// <summary>The body of a sign-in, refresh, upgrade or password change as a <see cref="TestUser"/>.</summary>
    public static async Task<TestUser> ReadUser(HttpResponseMessage response, HttpStatusCode expected, string what, string? email, string? password, string? deviceId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response.StatusCode != expected)
        {
            throw new InvalidOperationException($"{what}: expected {(int)expected}, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}");
        }

        var body = await response.Content.ReadFromJsonAsync<AuthResponse>(ct)
            ?? throw new InvalidOperationException($"{what}: empty body.");
        return new TestUser(body.User.Id, body.AccessToken, body.RefreshToken, body.SessionId, body.User.Roles, email, password, deviceId);
    }
}
