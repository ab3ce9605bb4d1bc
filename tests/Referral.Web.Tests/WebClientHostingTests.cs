using System.Net;
using System.Text.RegularExpressions;
using Referral.Testing;
using Xunit;

namespace Referral.Web.Tests;

/// <summary>How the api serves the client: the shell for client routes, never for the server's own paths.</summary>
[Collection(WebGroup.Name)]
public sealed partial class WebClientHostingTests(WebFixture web)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ClientRoutesGetTheShellAndServerPathsKeepTheirOwnAnswers()
    {
        var player = await web.NewHostAsync("Hosting Check", Ct);
        using var http = web.Api.CreateHttpClient(player);
        foreach (var path in new[] { "/", "/join?pin=123456", "/play/3f1c2b9e-0000-4000-8000-000000000000", "/host/quizzes/new", "/wallet" })
        {
            using var response = await http.GetAsync(new Uri(path, UriKind.Relative), Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal("no-cache", response.Headers.CacheControl?.ToString());
            var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
            Assert.Contains("<div id=\"app\">", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }

        // The server's own paths: unknown ones are 404 problems, never the shell.
        foreach (var path in new[] { "/api/nothing-here", "/hubs/nothing", "/health/nothing", "/openapi/nothing", "/r/some-code/extra", "/assets/missing.js" })
        {
            using var response = await http.GetAsync(new Uri(path, UriKind.Relative), Ct);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{path}: {(int)response.StatusCode}");
            Assert.NotEqual("text/html", response.Content.Headers.ContentType?.MediaType);
        }

        // Api answers keep the strict policy; hashed assets are cached for good.
        using var me = await http.GetAsync(new Uri("/api/me", UriKind.Relative), Ct);
        Assert.Contains("default-src 'none'", string.Join(";", me.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        var index = await http.GetStringAsync(new Uri("/", UriKind.Relative), Ct);
        var script = ScriptPath().Match(index).Groups[1].Value;
        using var asset = await http.GetAsync(new Uri(script, UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, asset.StatusCode);
        Assert.Equal("public, max-age=31536000, immutable", asset.Headers.CacheControl?.ToString());
    }

    [GeneratedRegex("src=\"(/assets/[^\"]+\\.js)\"")]
    private static partial Regex ScriptPath();
}
