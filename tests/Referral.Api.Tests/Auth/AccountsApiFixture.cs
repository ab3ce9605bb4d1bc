using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Referral.Testing;
using Xunit;

namespace Referral.Api.Tests.Auth;

/// <summary>
/// One api (memory mode) shared by the account and authorization tests, with a standing user of
/// each kind. Tests that change or end a user take a fresh one (<see cref="FreshAsync"/>), so the
/// standing users stay valid for the whole collection.
/// </summary>
public sealed class AccountsApiFixture : IAsyncLifetime
{
    public const string AllowedOrigin = "https://play.referral.test";

    /// <summary>In Auth:Admins but never registered: a guest upgrading to it becomes an admin.</summary>
    public const string UpgradeAdminEmail = "upgrade-admin@referral.test";

    /// <summary>In Auth:Admins: a login restores the admin role if it was taken away.</summary>
    public const string RestoredAdminEmail = "restored-admin@referral.test";

    private static readonly string[] AllRoles = ["player", "host", "admin"];

    private static readonly object SampleQuiz = new
    {
        title = "Matrix quiz",
        questions = new object[]
        {
            new { type = "SingleChoice", text = "Capital of Italy?", options = new[] { "Rome", "Milan" }, correctOptions = new[] { 0 }, timeLimitSeconds = 60, points = "Standard" },
            new { type = "TrueFalse", text = "The Seine flows through Paris.", options = new[] { "true", "false" }, correctOptions = new[] { 0 }, timeLimitSeconds = 60, points = "Standard" },
        },
    };

    private readonly SemaphoreSlim _quizGate = new(1, 1);
    private Guid? _hostQuiz;
    private Guid? _campaign;
    private TestRoom? _standingRoom;

    public ReferralApiFactory Api { get; } = new();

    public TestUser Player { get; private set; } = null!;

    public TestUser OtherPlayer { get; private set; } = null!;

    public TestUser Host { get; private set; } = null!;

    public TestUser Admin { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Api.Settings["Auth:AllowedOrigins:0"] = AllowedOrigin;
        Api.Settings["Auth:Admins:1"] = UpgradeAdminEmail;
        Api.Settings["Auth:Admins:2"] = RestoredAdminEmail;
        await Api.InitializeAsync();
        using var http = Api.CreateHttpClient();
        await Eventually.Get(http, "health/ready", HttpStatusCode.OK, TimeSpan.FromSeconds(60), CancellationToken.None);
        Player = await http.GuestAsync(displayName: "Standing Player");
        OtherPlayer = await http.GuestAsync(displayName: "Other Player");
        Host = await http.RegisterAsync(AuthClient.NewEmail("host"), displayName: "Standing Host");
        Admin = await Api.AdminAsync();
        await Wheel.WheelMatrix.CreateStandingWheelAsync(this);
    }

    public async ValueTask DisposeAsync()
    {
        await Api.DisposeAsync();
        _quizGate.Dispose();
    }

    /// <summary>A quiz of the standing host, created on first use.</summary>
    public async Task<Guid> HostQuizAsync(CancellationToken ct)
    {
        await _quizGate.WaitAsync(ct);
        try
        {
            if (_hostQuiz is null)
            {
                using var http = As(Host);
                _hostQuiz = await CreateQuizAsync(http, ct);
            }

            return _hostQuiz.Value;
        }
        finally
        {
            _quizGate.Release();
        }
    }

    /// <summary>A new quiz owned by <paramref name="http"/>'s user.</summary>
    /// <summary>An active referral campaign created by the admin through the api (once per fixture).</summary>
    public async Task<Guid> CampaignAsync(CancellationToken ct)
    {
        await _quizGate.WaitAsync(ct);
        try
        {
            if (_campaign is null)
            {
                using var http = As(Admin);
                _campaign = await CreateCampaignAsync(http, ct);
            }

            return _campaign.Value;
        }
        finally
        {
            _quizGate.Release();
        }
    }

    /// <summary>The standing player's personal code in the standing campaign: a real code to sign up with.</summary>
    public async Task<string> ReferralCodeAsync(CancellationToken ct)
    {
        var campaign = await CampaignAsync(ct);
        using var http = As(Player);
        var page = await http.GetFromJsonAsync<JsonElement>($"api/me/referrals/{campaign}", ct);
        return page.GetProperty("code").GetString()!;
    }

    /// <summary>Creates and activates a campaign as the admin signed in on <paramref name="http"/>.</summary>
    public static async Task<Guid> CreateCampaignAsync(HttpClient http, CancellationToken ct)
    {
        var created = await http.PostAsJsonAsync("api/admin/campaigns", new
        {
            name = "Matrix campaign",
            qualifyingEvent = "Signup",
            referrerRewards = new[] { new { currency = "points", amount = 100 } },
            refereeRewards = new[] { new { currency = "points", amount = 50 } },
        }, ct);
        Assert.True(created.StatusCode == HttpStatusCode.Created, "campaign creation: " + await created.Content.ReadAsStringAsync(ct));
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetGuid();
        var activated = await http.PostAsJsonAsync($"api/admin/campaigns/{id}/status", new { status = "Active" }, ct);
        Assert.True(activated.IsSuccessStatusCode, "campaign activation: " + await activated.Content.ReadAsStringAsync(ct));
        return id;
    }

    public static async Task<Guid> CreateQuizAsync(HttpClient http, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(http);
        var created = await http.PostAsJsonAsync("api/quizzes", SampleQuiz, ct);
        Assert.True(created.StatusCode == HttpStatusCode.Created, "quiz creation: " + await created.Content.ReadAsStringAsync(ct));
        return (await created.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetGuid();
    }

    /// <summary>One lobby of the standing host's quiz, kept open for the whole collection.</summary>
    public async Task<TestRoom> StandingRoomAsync(CancellationToken ct) => _standingRoom ??= await OpenRoomAsync(RoomPhase.Lobby, ct);

    /// <summary>A new room of the standing host, with the standing player seated, brought to <paramref name="phase"/>.</summary>
    public async Task<TestRoom> OpenRoomAsync(RoomPhase phase, CancellationToken ct)
    {
        using var http = As(Host);
        var opened = await http.PostAsJsonAsync("api/rooms", new { quizId = await HostQuizAsync(ct) }, ct);
        Assert.True(opened.StatusCode == HttpStatusCode.Created, "room opening: " + await opened.Content.ReadAsStringAsync(ct));
        var body = await opened.Content.ReadFromJsonAsync<JsonElement>(ct);
        var room = new TestRoom(body.GetProperty("roomId").GetGuid(), body.GetProperty("pin").GetString()!);

        await using (var player = Api.CreateHubConnection(Player))
        {
            await player.StartAsync(ct);
            await player.InvokeAsync<JsonElement>("JoinRoom", room.Pin, "Seated Sam", ct);
        }

        if (phase is RoomPhase.QuestionOpen or RoomPhase.QuestionClosed)
        {
            await using var host = Api.CreateHubConnection(Host);
            await host.StartAsync(ct);
            await host.InvokeAsync<JsonElement>("StartGame", room.Id, ct);
            if (phase == RoomPhase.QuestionClosed)
            {
                await host.InvokeAsync<JsonElement>("CloseQuestion", room.Id, ct);
            }
        }

        return room;
    }

    public HttpClient Anonymous() => Api.CreateHttpClient();

    public HttpClient As(TestUser user) => Api.CreateHttpClient(user);

    public TestUser? Standing(Actor actor) => actor switch
    {
        Actor.Anonymous => null,
        Actor.Player => Player,
        Actor.OtherPlayer => OtherPlayer,
        Actor.Host => Host,
        Actor.Admin => Admin,
        _ => throw new ArgumentOutOfRangeException(nameof(actor), actor, null),
    };

    /// <summary>A new user of the actor's kind (null for anonymous): for requests that change or end their caller.</summary>
    public async Task<TestUser?> FreshAsync(Actor actor, CancellationToken ct)
    {
        using var http = Anonymous();
        switch (actor)
        {
            case Actor.Anonymous:
                return null;
            case Actor.Player or Actor.OtherPlayer:
                return await http.GuestAsync(ct: ct);
            case Actor.Host:
                return await http.RegisterAsync(ct: ct);
            default:
                // Made admin by the standing admin; the role arrives in the token at the next refresh.
                var user = await http.RegisterAsync(ct: ct);
                using (var admin = As(Admin))
                {
                    var granted = await admin.PutAsJsonAsync($"api/admin/users/{user.Id}/roles", new { roles = AllRoles }, ct);
                    Assert.Equal(HttpStatusCode.OK, granted.StatusCode);
                }

                return await http.RefreshAsync(user, ct);
        }
    }
}
