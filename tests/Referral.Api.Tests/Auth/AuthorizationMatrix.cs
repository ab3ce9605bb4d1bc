using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Referral.Grains.Abstractions.Referrals.Webhooks;
using Referral.Testing;

namespace Referral.Api.Tests.Auth;

/// <summary>
/// Every HTTP endpoint of the api with the status each kind of caller must get. Resources in
/// paths belong to the standing player, so "other player" rows test object-level access.
/// <see cref="AuthorizationMatrixTests"/> fails when the app has an endpoint this table lacks.
/// </summary>
public static class AuthorizationMatrix
{
    private const string NewPassword = "another-long-passphrase-77";

    public static IReadOnlyList<MatrixRow> Rows { get; } =
    [
        // Anonymous by design: probes, the api description and the ways to get a token.
        new("* /health/live", Statuses.All(200), _ => Get("health/live")),
        new("* /health/ready", Statuses.All(200), _ => Get("health/ready")),
        new("GET /openapi/{documentName}.json", Statuses.All(200), _ => Get("openapi/v1.json")),
        new("POST /api/auth/register", Statuses.All(201), _ => Send(HttpMethod.Post, "api/auth/register",
            new { email = AuthClient.NewEmail("matrix"), password = AuthClient.Password, displayName = "Matrix User", locale = "en" })),
        new("POST /api/auth/login", Statuses.All(200), c => Send(HttpMethod.Post, "api/auth/login",
            new { email = c.Fixture.Host.Email, password = AuthClient.Password })),
        new("POST /api/auth/guest", Statuses.All(200), _ => Send(HttpMethod.Post, "api/auth/guest",
            new { displayName = "Matrix Guest", deviceId = AuthClient.NewDeviceId() })),
        new("POST /api/auth/refresh", Statuses.All(200), async c =>
        {
            using var http = c.Fixture.Anonymous();
            var guest = await http.GuestAsync(ct: c.Ct);
            return await Send(HttpMethod.Post, "api/auth/refresh", new { refreshToken = guest.RefreshToken });
        }),

        // Signed in, acting on the caller's own account only.
        new("POST /api/auth/logout", Statuses.SignedIn(204), _ => Send(HttpMethod.Post, "api/auth/logout", null), FreshCaller: true),
        new("GET /api/me", Statuses.SignedIn(200), _ => Get("api/me")),
        new("PATCH /api/me", Statuses.SignedIn(200), _ => Send(HttpMethod.Patch, "api/me", new { locale = "en" })),
        new("DELETE /api/me", Statuses.SignedIn(204), _ => Send(HttpMethod.Delete, "api/me", null), FreshCaller: true),
        new("POST /api/me/upgrade", new(401, 200, 200, 409, 409), _ => Send(HttpMethod.Post, "api/me/upgrade",
            new { email = AuthClient.NewEmail("upgrade"), password = AuthClient.Password }), FreshCaller: true),
        new("POST /api/me/password", new(401, 409, 409, 200, 200), _ => Send(HttpMethod.Post, "api/me/password",
            new { currentPassword = AuthClient.Password, newPassword = NewPassword }), FreshCaller: true),
        new("GET /api/me/export", Statuses.SignedIn(200), _ => Get("api/me/export")),
        new("GET /api/me/sessions", Statuses.SignedIn(200), _ => Get("api/me/sessions")),
        new("GET /api/me/wallet", Statuses.SignedIn(200), _ => Get("api/me/wallet")),

        // The player ends one of their own sessions; anyone else naming it finds nothing.
        new("DELETE /api/me/sessions/{sessionId:guid}", new(401, 204, 404, 404, 404), c =>
            Send(HttpMethod.Delete, $"api/me/sessions/{(c.Actor == Actor.Player ? c.Caller!.SessionId : c.Fixture.Player.SessionId)}", null),
            FreshCaller: true),

        // Operators only.
        new("GET /api/admin/users/{id:guid}", Statuses.AdminOnly(200), c => Get($"api/admin/users/{c.Fixture.Player.Id}")),
        new("PUT /api/admin/users/{id:guid}/roles", Statuses.AdminOnly(200), async c =>
        {
            using var http = c.Fixture.Anonymous();
            var target = await http.GuestAsync(ct: c.Ct);
            return await Send(HttpMethod.Put, $"api/admin/users/{target.Id}/roles", new { roles = RoleSets.PlayerHost });
        }),
        new("PUT /api/diagnostics/probes/{key}", Statuses.AdminOnly(200), _ => Send(HttpMethod.Put, "api/diagnostics/probes/matrix", new { value = "x" })),
        new("GET /api/diagnostics/probes/{key}", Statuses.AdminOnly(200), _ => Get("api/diagnostics/probes/matrix")),
        new("GET /api/diagnostics/cluster", Statuses.AdminOnly(200), _ => Get("api/diagnostics/cluster")),
        new("GET /api/admin/campaigns/{campaignId:guid}/webhook", Statuses.AdminOnly(200), async c => await Get($"api/admin/campaigns/{await WebhookCampaignAsync(c)}/webhook")),
        new("PUT /api/admin/campaigns/{campaignId:guid}/webhook", Statuses.AdminOnly(200), _ => Send(HttpMethod.Put, $"api/admin/campaigns/{Guid.NewGuid()}/webhook",
            new { url = "https://hooks.example.com/matrix", secret = "matrix-secret-0123456789" })),
        new("DELETE /api/admin/campaigns/{campaignId:guid}/webhook", Statuses.AdminOnly(204), _ => Send(HttpMethod.Delete, $"api/admin/campaigns/{Guid.NewGuid()}/webhook", null)),
        new("GET /api/admin/campaigns/{campaignId:guid}/webhook/deliveries", Statuses.AdminOnly(200), _ => Get($"api/admin/campaigns/{Guid.NewGuid()}/webhook/deliveries")),
        new("POST /api/admin/campaigns/{campaignId:guid}/webhook/test", Statuses.AdminOnly(202), async c => await Send(HttpMethod.Post, $"api/admin/campaigns/{await WebhookCampaignAsync(c)}/webhook/test", null)),

        // Quizzes belong to the standing host; anyone else's id answers 404 like a missing quiz.
        // Rooms are the standing host's: others reading its report get 403 not_host.
        new("POST /api/quizzes", new(401, 403, 403, 201, 201), _ => Send(HttpMethod.Post, "api/quizzes", QuizBody)),
        new("POST /api/quizzes/import", new(401, 403, 403, 201, 201), _ => Send(HttpMethod.Post, "api/quizzes/import", QuizBody)),
        new("GET /api/quizzes", new(401, 403, 403, 200, 200), _ => Get("api/quizzes")),
        new("GET /api/quizzes/{id:guid}", new(401, 403, 403, 200, 404), async c => await Get($"api/quizzes/{await c.Fixture.HostQuizAsync(c.Ct)}")),
        new("GET /api/quizzes/{id:guid}/export", new(401, 403, 403, 200, 404), async c => await Get($"api/quizzes/{await c.Fixture.HostQuizAsync(c.Ct)}/export")),
        new("PUT /api/quizzes/{id:guid}", new(401, 403, 403, 200, 404), async c => await Send(HttpMethod.Put, $"api/quizzes/{await c.Fixture.HostQuizAsync(c.Ct)}", QuizBody)),
        new("DELETE /api/quizzes/{id:guid}", new(401, 403, 403, 204, 404), async c =>
        {
            using var host = c.Fixture.As(c.Fixture.Host);
            return await Send(HttpMethod.Delete, $"api/quizzes/{await AccountsApiFixture.CreateQuizAsync(host, c.Ct)}", null);
        }),
        new("POST /api/rooms", new(401, 403, 403, 201, 404), async c => await Send(HttpMethod.Post, "api/rooms", new { quizId = await c.Fixture.HostQuizAsync(c.Ct) })),
        new("GET /api/rooms/pin/{pin}", Statuses.SignedIn(200), async c => await Get($"api/rooms/pin/{(await c.Fixture.StandingRoomAsync(c.Ct)).Pin}")),
        new("GET /api/rooms/{id:guid}/report", Statuses.HostOnly(200), async c => await Get($"api/rooms/{(await c.Fixture.StandingRoomAsync(c.Ct)).Id}/report")),
        new("GET /api/rooms/{id:guid}/report.csv", Statuses.HostOnly(200), async c => await Get($"api/rooms/{(await c.Fixture.StandingRoomAsync(c.Ct)).Id}/report.csv")),

        // Referral campaigns: admins run them; players see live ones and their own referral pages.
        new("POST /api/admin/campaigns", Statuses.AdminOnly(201), _ => Send(HttpMethod.Post, "api/admin/campaigns", CampaignBody)),
        new("GET /api/admin/campaigns", Statuses.AdminOnly(200), _ => Get("api/admin/campaigns")),
        new("GET /api/admin/campaigns/{id:guid}", Statuses.AdminOnly(200), async c => await Get($"api/admin/campaigns/{await c.Fixture.CampaignAsync(c.Ct)}")),
        new("PUT /api/admin/campaigns/{id:guid}", Statuses.AdminOnly(200), async c => await Send(HttpMethod.Put, $"api/admin/campaigns/{await c.Fixture.CampaignAsync(c.Ct)}", CampaignBody)),
        new("POST /api/admin/campaigns/{id:guid}/status", Statuses.AdminOnly(200), async c =>
            await Send(HttpMethod.Post, $"api/admin/campaigns/{await c.Fixture.CampaignAsync(c.Ct)}/status", new { status = "Active" })),
        new("GET /api/admin/referrals/review", Statuses.AdminOnly(200), _ => Get("api/admin/referrals/review")),
        new("GET /api/admin/ops", Statuses.AdminOnly(200), _ => Get("api/admin/ops")),
        new("GET /api/admin/referrals/{refereeId:guid}", Statuses.AdminOnly(404), c => Get($"api/admin/referrals/{c.Fixture.Player.Id}")),
        new("POST /api/admin/referrals/{refereeId:guid}/approve", Statuses.AdminOnly(404), c => Send(HttpMethod.Post, $"api/admin/referrals/{c.Fixture.Player.Id}/approve", new { note = "ok" })),
        new("POST /api/admin/referrals/{refereeId:guid}/reject", Statuses.AdminOnly(404), c => Send(HttpMethod.Post, $"api/admin/referrals/{c.Fixture.Player.Id}/reject", new { note = "no" })),
        new("POST /api/admin/referrals/{refereeId:guid}/reverse", Statuses.AdminOnly(404), c => Send(HttpMethod.Post, $"api/admin/referrals/{c.Fixture.Player.Id}/reverse", new { note = "no" })),
        new("GET /api/campaigns", Statuses.SignedIn(200), _ => Get("api/campaigns")),
        new("GET /api/campaigns/{id:guid}/leaderboard", Statuses.SignedIn(200), async c => await Get($"api/campaigns/{await c.Fixture.CampaignAsync(c.Ct)}/leaderboard")),
        new("GET /api/me/referrals", Statuses.SignedIn(200), _ => Get("api/me/referrals")),
        new("GET /api/me/referrals/{campaignId:guid}", Statuses.SignedIn(200), async c => await Get($"api/me/referrals/{await c.Fixture.CampaignAsync(c.Ct)}")),
        new("GET /api/me/referral", new(401, 404, 404, 404, 404), _ => Get("api/me/referral")),

        // Anonymous by design: a referral link is opened before its visitor has an account.
        new("GET /r/{code}", Statuses.All(302), _ => Get("r/ZZZZZZZZ")),
        // Code pools and wheels (Wheel/WheelMatrix.cs).
        .. Wheel.WheelMatrix.Rows,
        // The web client's pages: index.html for every client route, anonymous (the shell holds no data).
        new("GET /{*path:clientroute}", Statuses.All(200), _ => Get("join?pin=123456")),
        new("HEAD /{*path:clientroute}", Statuses.All(200), _ => Send(HttpMethod.Head, "host/rooms/x", null)),

        // The hub's HTTP side; its methods are in HubRows.
        // Anonymous too: a connection opened without a token can sign in on the hub (SignInGuest, JoinRoomAsGuest) and nothing else.
        new("* /hubs/game/negotiate", Statuses.All(200), _ => Send(HttpMethod.Post, "hubs/game/negotiate?negotiateVersion=1", null)),
    ];

    /// <summary>Every hub method: the standing player is seated in the room, the standing host hosts it.</summary>
    public static IReadOnlyList<HubRow> HubRows { get; } =
    [
        new("ServerTime", RoomPhase.None, _ => [], a => a != Actor.Anonymous),

        // Only on a connection opened without a token: a signed-in connection belongs to its user.
        new("SignInGuest", RoomPhase.None, _ => ["Matrix Guest", Guid.NewGuid().ToString("N"), null, null], a => a == Actor.Anonymous),
        new("JoinRoomAsGuest", RoomPhase.Lobby, c => [c.Room!.Pin, "Matrix Quick", Guid.NewGuid().ToString("N"), null, null], a => a == Actor.Anonymous),

        // Anyone signed in may join a room by its PIN; being seated is what the player methods check.
        new("JoinRoom", RoomPhase.Lobby, c => [c.Room!.Pin, "Joiner Jo"], a => a != Actor.Anonymous),
        new("Resume", RoomPhase.Lobby, c => [c.Room!.Id], a => a is Actor.Player or Actor.Host),
        new("Answer", RoomPhase.QuestionOpen, c => [c.Room!.Id, 0, new[] { 0 }, null], a => a == Actor.Player),
        new("LeaveRoom", RoomPhase.Lobby, c => [c.Room!.Id], a => a == Actor.Player),

        // Host controls: the host role, and being this room's host.
        new("StartGame", RoomPhase.Lobby, c => [c.Room!.Id], a => a == Actor.Host),
        new("CloseQuestion", RoomPhase.QuestionOpen, c => [c.Room!.Id], a => a == Actor.Host),
        new("NextQuestion", RoomPhase.QuestionClosed, c => [c.Room!.Id], a => a == Actor.Host),
        new("EndGame", RoomPhase.QuestionOpen, c => [c.Room!.Id], a => a == Actor.Host),
        new("KickPlayer", RoomPhase.Lobby, c => [c.Room!.Id, c.Fixture.Player.Id], a => a == Actor.Host),
        new("LockRoom", RoomPhase.Lobby, c => [c.Room!.Id, true], a => a == Actor.Host),

        // Live referral events are the caller's own; any signed-in user may watch them.
        new("WatchReferrals", RoomPhase.None, _ => [null], a => a != Actor.Anonymous),
        new("UnwatchReferrals", RoomPhase.None, _ => [], a => a != Actor.Anonymous),
        // Wheels (Wheel/WheelMatrix.cs).
        .. Wheel.WheelMatrix.HubRows,
    ];

    /// <summary>Endpoints of the hub connection itself, covered by <see cref="HubRows"/> over real WebSockets.</summary>
    public static IReadOnlyList<string> HubConnectionEndpoints { get; } = ["* /hubs/game"];

    private static readonly object QuizBody = new
    {
        title = "Matrix quiz",
        questions = new object[]
        {
            new { type = "TrueFalse", text = "Water is wet.", options = new[] { "true", "false" }, correctOptions = new[] { 0 }, timeLimitSeconds = 30, points = "Standard" },
        },
    };

    private static readonly object CampaignBody = new
    {
        name = "Matrix campaign",
        qualifyingEvent = "Signup",
        referrerRewards = new[] { new { currency = "points", amount = 10 } },
    };

    private static Task<HttpRequestMessage> Get(string path) => Send(HttpMethod.Get, path, null);

    /// <summary>A new campaign id whose webhook is configured (to a closed loopback port: its deliveries just fail).</summary>
    private static async Task<Guid> WebhookCampaignAsync(MatrixCase c)
    {
        var campaign = Guid.NewGuid();
        var grains = c.Fixture.Api.Services.GetRequiredService<IGrainFactory>();
        await grains.GetGrain<IWebhookGrain>(WebhookKeys.For(campaign)).Configure(new WebhookEndpoint("http://127.0.0.1:9/matrix", "matrix-secret-0123456789"));
        return campaign;
    }

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
