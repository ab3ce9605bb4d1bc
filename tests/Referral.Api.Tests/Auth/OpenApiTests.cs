using System.Text.Json;
using Xunit;

namespace Referral.Api.Tests.Auth;

/// <summary>The OpenAPI document lists every endpoint and says which need the bearer token.</summary>
[Collection(AccountsApiGroup.Name)]
public sealed class OpenApiTests(AccountsApiFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EveryApiEndpointIsDescribedWithItsSecurity()
    {
        using var http = fixture.Anonymous();
        using var doc = JsonDocument.Parse(await http.GetStringAsync(new Uri("openapi/v1.json", UriKind.Relative), Ct));
        var root = doc.RootElement;

        var scheme = root.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer");
        Assert.Equal("http", scheme.GetProperty("type").GetString());
        Assert.Equal("bearer", scheme.GetProperty("scheme").GetString());
        Assert.Equal("JWT", scheme.GetProperty("bearerFormat").GetString());

        var paths = root.GetProperty("paths");
        var missing = new List<string>();
        foreach (var row in AuthorizationMatrix.Rows.Where(r => r.Endpoint.Contains(" /api/", StringComparison.Ordinal)))
        {
            var (method, pattern) = (row.Endpoint.Split(' ')[0].ToLowerInvariant(), row.Endpoint.Split(' ')[1].Replace(":guid", "", StringComparison.Ordinal));
            if (!paths.TryGetProperty(pattern, out var path) || !path.TryGetProperty(method, out var operation))
            {
                missing.Add(row.Endpoint);
                continue;
            }

            var anonymous = row.Expected.Anonymous != 401;
            var secured = operation.TryGetProperty("security", out var security) && security.GetArrayLength() > 0;
            Assert.True(anonymous != secured, $"{row.Endpoint}: security requirement {(secured ? "present" : "missing")}");
        }

        Assert.True(missing.Count == 0, "not in the OpenAPI document: " + string.Join(", ", missing));
    }
}
