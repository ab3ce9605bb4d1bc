using System.Net;
using System.Text.Json;
using Xunit;

namespace Referral.Api.Tests.Auth;

/// <summary>Checks on RFC 7807 answers: status, stable code and, for validation errors, the fields named.</summary>
public static class ProblemAssert
{
    public static async Task<JsonElement> Is(HttpResponseMessage response, HttpStatusCode status, string code, params string[] fields)
    {
        ArgumentNullException.ThrowIfNull(response);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == status, $"expected {(int)status} {code}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var root = JsonDocument.Parse(body).RootElement.Clone();
        Assert.Equal(code, root.GetProperty("code").GetString());
        foreach (var field in fields)
        {
            Assert.True(root.GetProperty("errors").TryGetProperty(field, out _), $"errors should name '{field}': {body}");
        }

        return root;
    }
}
