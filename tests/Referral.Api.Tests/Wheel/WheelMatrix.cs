using System.Net;
using System.Net.Http.Json;
using Referral.Api.Tests.Auth;
using Xunit;

namespace Referral.Api.Tests.Wheel;

/// <summary>
/// The authorization matrix rows of code pools and wheels (kept here so the shared matrix only
/// lists them): admin rows act on standing objects created by the standing admin on first use.
/// </summary>
public static class WheelMatrix
{
    public const string StandingPool = "matrix-pool";

    public static IReadOnlyList<MatrixRow> Rows { get; } =
    [
        new("POST /api/admin/code-pools", Statuses.AdminOnly(201), _ => Send(HttpMethod.Post, "api/admin/code-pools",
            new { id = "matrix-" + Guid.NewGuid().ToString("N")[..12], name = "Matrix pool" })),
        new("GET /api/admin/code-pools", Statuses.AdminOnly(200), _ => Get("api/admin/code-pools")),
        new("GET /api/admin/code-pools/{id}", Statuses.AdminOnly(200), async c =>
        {
            await EnsurePool(c);
            return await Get($"api/admin/code-pools/{StandingPool}");
        }),
        new("POST /api/admin/code-pools/{id}/codes", Statuses.AdminOnly(200), async c =>
        {
            await EnsurePool(c);
            return await Send(HttpMethod.Post, $"api/admin/code-pools/{StandingPool}/codes", new { codes = new[] { "MATRIX-" + Guid.NewGuid().ToString("N")[..8] } });
        }),
    ];

    private static async Task EnsurePool(MatrixCase c)
    {
        using var admin = c.Fixture.As(c.Fixture.Admin);
        var created = await admin.PostAsJsonAsync("api/admin/code-pools", new { id = StandingPool, name = "Matrix pool" }, c.Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
    }

    private static Task<HttpRequestMessage> Get(string path) => Send(HttpMethod.Get, path, null);

    private static Task<HttpRequestMessage> Send(HttpMethod method, string path, object? body)
    {
        var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return Task.FromResult(request);
    }
}
