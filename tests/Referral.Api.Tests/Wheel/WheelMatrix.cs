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

    /// <summary>Created by <see cref="CreateStandingWheelAsync"/> when the fixture starts: ten free spins a day, so every actor can spin.</summary>
    public const string StandingWheel = "matrix-wheel";

    private static readonly object WheelBody = new
    {
        name = "Matrix wheel",
        segments = new object[]
        {
            new { id = "points", label = "50 points", colour = "#ff0000", prize = new { kind = "Points", amount = 50 }, weight = 1 },
            new { id = "nothing", label = "Try again", colour = "#00ff00", prize = new { kind = "Nothing" }, weight = 1 },
        },
        freeSpinsPerDay = 10,
        dailyCap = 100,
    };

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

        new("POST /api/admin/wheels", Statuses.AdminOnly(201), _ => Send(HttpMethod.Post, "api/admin/wheels", WithId("matrix-" + Guid.NewGuid().ToString("N")[..12]))),
        new("GET /api/admin/wheels", Statuses.AdminOnly(200), _ => Get("api/admin/wheels")),
        new("GET /api/admin/wheels/{id}", Statuses.AdminOnly(200), _ => Get($"api/admin/wheels/{StandingWheel}")),
        new("PUT /api/admin/wheels/{id}", Statuses.AdminOnly(200), _ => Send(HttpMethod.Put, $"api/admin/wheels/{StandingWheel}", WheelBody)),
        new("DELETE /api/admin/wheels/{id}", Statuses.AdminOnly(204), async c =>
        {
            var id = "matrix-" + Guid.NewGuid().ToString("N")[..12];
            using var admin = c.Fixture.As(c.Fixture.Admin);
            Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("api/admin/wheels", WithId(id), c.Ct)).StatusCode);
            return await Send(HttpMethod.Delete, $"api/admin/wheels/{id}", null);
        }),

        // Players: wheels, odds and spins; their own fairness state and history.
        new("GET /api/wheels", Statuses.SignedIn(200), _ => Get("api/wheels")),
        new("GET /api/wheels/{id}", Statuses.SignedIn(200), _ => Get($"api/wheels/{StandingWheel}")),
        new("GET /api/wheels/{id}/odds", Statuses.SignedIn(200), _ => Get($"api/wheels/{StandingWheel}/odds")),
        new("POST /api/wheels/{id}/spins", Statuses.SignedIn(200), _ => Send(HttpMethod.Post, $"api/wheels/{StandingWheel}/spins", new { spinId = Guid.NewGuid().ToString("N") })),
        new("GET /api/me/wheel/fairness", Statuses.SignedIn(200), _ => Get("api/me/wheel/fairness")),
        new("PUT /api/me/wheel/client-seed", Statuses.SignedIn(200), _ => Send(HttpMethod.Put, "api/me/wheel/client-seed", new { clientSeed = "matrix-seed" })),
        new("POST /api/me/wheel/seed/rotate", Statuses.SignedIn(200), _ => Send(HttpMethod.Post, "api/me/wheel/seed/rotate", null)),
        new("GET /api/me/wheel/spins", Statuses.SignedIn(200), _ => Get("api/me/wheel/spins")),

        // Anyone may recompute a spin from a revealed seed.
        new("POST /api/wheel/verify", Statuses.All(200), _ => Send(HttpMethod.Post, "api/wheel/verify",
            new { serverSeed = "revealed", clientSeed = "client", nonce = 0, weights = new[] { 1, 1 } })),
    ];

    /// <summary>The hub's wheel methods: anyone signed in may watch the standing wheel and spin it.</summary>
    public static IReadOnlyList<HubRow> HubRows { get; } =
    [
        new("WatchWheel", RoomPhase.None, _ => [StandingWheel], a => a != Actor.Anonymous),
        new("UnwatchWheel", RoomPhase.None, _ => [StandingWheel], a => a != Actor.Anonymous),
        new("Spin", RoomPhase.None, _ => [StandingWheel, Guid.NewGuid().ToString("N")], a => a != Actor.Anonymous),
    ];

    /// <summary>Creates the standing wheel (called once by the fixture after the admin exists).</summary>
    public static async Task CreateStandingWheelAsync(AccountsApiFixture fixture)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        using var admin = fixture.As(fixture.Admin);
        var created = await admin.PostAsJsonAsync("api/admin/wheels", WithId(StandingWheel), CancellationToken.None);
        Assert.True(created.StatusCode == HttpStatusCode.Created, "standing wheel: " + await created.Content.ReadAsStringAsync(CancellationToken.None));
    }

    private static Dictionary<string, object?> WithId(string id)
    {
        var body = System.Text.Json.JsonSerializer.SerializeToElement(WheelBody);
        var map = body.EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value);
        map["id"] = id;
        return map;
    }

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
