using System.Net;
using System.Net.Http.Json;
using Xunit;

namespace Referral.Api.Tests.Auth;

/// <summary>Security headers in Development too, on successes and on every kind of error.</summary>
[Collection(AccountsApiGroup.Name)]
public sealed class SecurityHeaderTests(AccountsApiFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EveryResponseCarriesTheSecurityHeadersAndApiAnswersAreNotCached()
    {
        using var anonymous = fixture.Anonymous();
        using var player = fixture.As(fixture.Player);
        var responses = new[]
        {
            await anonymous.GetAsync(new Uri("health/live", UriKind.Relative), Ct),
            await anonymous.GetAsync(new Uri("api/me", UriKind.Relative), Ct),
            await player.GetAsync(new Uri("api/me", UriKind.Relative), Ct),
            await player.GetAsync(new Uri("api/admin/users/" + Guid.NewGuid(), UriKind.Relative), Ct),
            await player.GetAsync(new Uri("api/nothing-here", UriKind.Relative), Ct),
            await anonymous.PostAsJsonAsync("api/auth/login", new { email = "x" }, Ct),
        };

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Unauthorized, HttpStatusCode.OK, HttpStatusCode.Forbidden, HttpStatusCode.NotFound, HttpStatusCode.BadRequest],
            responses.Select(r => r.StatusCode));
        foreach (var response in responses)
        {
            TransportSecurityTests.AssertSecurityHeaders(response);
            if (response.RequestMessage!.RequestUri!.AbsolutePath.StartsWith("/api", StringComparison.Ordinal))
            {
                Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
            }
        }
    }
}
