using System.Net;
using Referral.Testing;
using Xunit;

namespace Referral.Api.Tests.Auth;

/// <summary>
/// Outside Development: HTTPS only (redirect, HSTS), believing X-Forwarded-Proto from the trusted
/// proxy so TLS can end at an ingress; health stays on plain HTTP for probes; security headers on everything.
/// </summary>
public sealed class TransportSecurityTests(ProductionApi fixture) : IClassFixture<ProductionApi>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("GET", "api/me")]
    [InlineData("POST", "api/auth/login")]
    public async Task PlainHttpIsRedirectedToHttpsKeepingTheMethod(string method, string path)
    {
        using var http = fixture.Api.CreateHttpClient();
        var response = await http.SendAsync(new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative)), Ct);

        Assert.Equal(HttpStatusCode.PermanentRedirect, response.StatusCode);
        Assert.Equal(new Uri("https://127.0.0.1/" + path), response.Headers.Location);
        AssertSecurityHeaders(response);
    }

    [Fact]
    public async Task HealthAnswersOverPlainHttpForProbes()
    {
        using var http = fixture.Api.CreateHttpClient();
        var response = await http.GetAsync(new Uri("health/live", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"), "HSTS is sent over HTTPS only");
        AssertSecurityHeaders(response);
    }

    [Fact]
    public async Task RequestsAProxyForwardedAsHttpsAreServedWithHsts()
    {
        using var http = fixture.Api.CreateHttpClient();
        foreach (var (path, status) in new[] { ("health/live", HttpStatusCode.OK), ("api/me", HttpStatusCode.Unauthorized) })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
            request.Headers.Add("X-Forwarded-Proto", "https");
            request.Headers.Host = "api.referral.test";
            var response = await http.SendAsync(request, Ct);

            Assert.Equal(status, response.StatusCode);
            Assert.Equal("max-age=31536000", Assert.Single(response.Headers.GetValues("Strict-Transport-Security")));
            AssertSecurityHeaders(response);
        }
    }

    internal static void AssertSecurityHeaders(HttpResponseMessage response)
    {
        string Header(string name) =>
            response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : throw new Xunit.Sdk.XunitException($"{name} missing on {(int)response.StatusCode} {response.RequestMessage?.RequestUri}");

        Assert.Contains("frame-ancestors 'none'", Header("Content-Security-Policy"), StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", Header("Content-Security-Policy"), StringComparison.Ordinal);
        Assert.Equal("nosniff", Header("X-Content-Type-Options"));
        Assert.Equal("no-referrer", Header("Referrer-Policy"));
        Assert.Equal("DENY", Header("X-Frame-Options"));
        Assert.False(response.Headers.Contains("Server"), "the Server header names the software");
    }
}
