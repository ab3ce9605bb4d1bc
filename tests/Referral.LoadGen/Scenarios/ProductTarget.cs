using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Referral.Grains.Abstractions.Quiz;
using Referral.LoadGen.Protocol;

namespace Referral.LoadGen.Scenarios;

/// <summary>
/// The product: every player is a real guest account, signed in on its game connection opened
/// without a token, by JoinRoomAsGuest (sign-in and join in one call; the sign-in time is then
/// part of the join time), or with <c>--guest-sign-in hub</c> by SignInGuest then JoinRoom, or with
/// <c>--guest-sign-in http</c> by POST /api/auth/guest before connecting with the token; every host is a registered account
/// that authors the quiz and opens the room over HTTP; the game runs over the game hub with the
/// documented methods.
/// </summary>
public sealed class ProductTarget : IGameTarget, IDisposable
{
    /// <summary>Not a common password (the api refuses those), long enough for the rules.</summary>
    public const string HostPassword = "correct-horse-battery-staple-42";

    private const string GuestPath = "api/auth/guest";
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(60);
    private static readonly MediaTypeHeaderValue JsonMediaType = new("application/json");
    private readonly HttpClient _http;
    private readonly Uri _hub;
    private readonly string _runId = Guid.NewGuid().ToString("N")[..10];
    private readonly string _signIn;

    /// <param name="signIn"><c>join</c>, <c>hub</c> or <c>http</c> (<see cref="LoadGenOptions.GuestSignIn"/>).</param>
    public ProductTarget(Uri baseUrl, int maxConnections, string signIn = "join")
    {
        _signIn = signIn;
        ArgumentNullException.ThrowIfNull(baseUrl);
        _http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = maxConnections, PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30) })
        {
            BaseAddress = baseUrl,
            Timeout = TimeSpan.FromSeconds(60),
        };
        _hub = new Uri(new Uri(baseUrl.ToString().Replace("http", "ws", StringComparison.Ordinal)), "hubs/game");
    }

    public string Name => "product";

    public async Task PrepareRoomAsync(RoomRun room, IReadOnlyList<QuestionDefinition> quiz, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(room);
        var host = await PostAsync("api/auth/register", null, new
        {
            email = $"host-{Guid.NewGuid():N}@loadgen.test",
            password = HostPassword,
            displayName = $"Host {room.Index}",
            locale = "en",
        }, ct);
        var token = host.GetProperty("accessToken").GetString()!;
        var created = await PostAsync("api/quizzes", token, new
        {
            title = $"Load run {_runId}",
            questions = quiz.Select(q => new
            {
                type = q.Type.ToString(),
                text = q.Text,
                options = q.Options,
                correctOptions = q.CorrectOptions,
                acceptedAnswers = q.AcceptedAnswers,
                timeLimitSeconds = q.TimeLimitSeconds,
                points = q.Points.ToString(),
            }),
        }, ct);
        var opened = await PostAsync("api/rooms", token, new { quizId = created.GetProperty("id").GetGuid() }, ct);
        room.RoomId = opened.GetProperty("roomId").GetGuid();
        room.Pin = opened.GetProperty("pin").GetString()!;
        room.Host = await HubClient.ConnectAsync(_hub, token, room.OnHostEvent, CallTimeout, ct);
        await room.Host.InvokeAsync("Resume", [room.RoomId], CallTimeout);
    }

    public async Task SeatAsync(PlayerBot player, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(player);
        var clock = Stopwatch.StartNew();
        if (_signIn == "join")
        {
            player.Hub = await HubClient.ConnectAsync(_hub, null, player.OnEvent, CallTimeout, ct);
            player.ConnectMs = clock.Elapsed.TotalMilliseconds;

            clock.Restart();
            var joined = await player.Hub.InvokeAsync("JoinRoomAsGuest", [player.Room.Pin, player.Nickname, NewDeviceId(), "en", null], CallTimeout);
            player.UserId = joined.TryGetProperty("session", out var session) && session.TryGetProperty("user", out var user) && user.TryGetProperty("id", out var id)
                ? id.GetGuid()
                : throw new SeatException("bad_response", "The JoinRoomAsGuest result has no session.user.id.");
            if (joined.TryGetProperty("refused", out var refused) && refused.ValueKind == JsonValueKind.Object)
            {
                if (refused.GetProperty("code").GetString() is not "nickname_invalid" and var code)
                {
                    throw new SeatException(code ?? "bad_response", "JoinRoomAsGuest: the room refused the player.");
                }

                // Signed in, refused by the room: the same connection joins with another nickname.
                await JoinAgainAsync(player);
            }

            player.JoinMs = clock.Elapsed.TotalMilliseconds;
            return;
        }

        if (_signIn == "hub")
        {
            player.Hub = await HubClient.ConnectAsync(_hub, null, player.OnEvent, CallTimeout, ct);
            player.ConnectMs = clock.Elapsed.TotalMilliseconds;

            clock.Restart();
            var session = await player.Hub.InvokeAsync("SignInGuest", [player.Nickname, NewDeviceId(), "en", null], CallTimeout);
            player.UserId = session.TryGetProperty("user", out var user) && user.TryGetProperty("id", out var id)
                ? id.GetGuid()
                : throw new SeatException("bad_response", "The SignInGuest result has no user.id.");
            player.SignInMs = clock.Elapsed.TotalMilliseconds;
        }
        else
        {
            var (userId, accessToken) = await GuestSignInAsync(player.Nickname, ct);
            player.UserId = userId;
            player.SignInMs = clock.Elapsed.TotalMilliseconds;

            clock.Restart();
            player.Hub = await HubClient.ConnectAsync(_hub, accessToken, player.OnEvent, CallTimeout, ct);
            player.ConnectMs = clock.Elapsed.TotalMilliseconds;
        }

        clock.Restart();
        try
        {
            await player.Hub.InvokeAsync("JoinRoom", [player.Room.Pin, player.Nickname], CallTimeout);
        }
        catch (HubCallException ex) when (ex.Code == "nickname_invalid")
        {
            await JoinAgainAsync(player);
        }

        player.JoinMs = clock.Elapsed.TotalMilliseconds;
    }

    public object?[] AnswerArguments(RoomRun room, int question, int choice) => [room?.RoomId, question, new[] { choice }, null];

    public async Task OpenAsync(RoomRun room, int question) =>
        await HostCall(room, question == 0 ? "StartGame" : "NextQuestion");

    public async Task CloseAsync(RoomRun room, int question)
    {
        try
        {
            await HostCall(room, "CloseQuestion");
        }
        catch (HubCallException ex) when (ex.Code == "wrong_phase")
        {
            // Closed by the deadline or the last answer while the call was on its way.
        }
    }

    public async Task EndAsync(RoomRun room) => await HostCall(room, "NextQuestion");

    public void Dispose() => _http.Dispose();

    /// <summary>A nickname the room's word filter refused: counted, and the player joins as "Quizzer {index}".</summary>
    private static async Task JoinAgainAsync(PlayerBot player)
    {
        player.Room.Errors.Add("nickname_refused_retried", player.Nickname);
        player.Nickname = $"Quizzer {player.Index.ToString("x", CultureInfo.InvariantCulture)}";
        await player.Hub!.InvokeAsync("JoinRoom", [player.Room.Pin, player.Nickname], CallTimeout);
    }

    private static Task<JsonElement> HostCall(RoomRun room, string method) => room.Host!.InvokeAsync(method, [room.RoomId], CallTimeout);

    /// <summary>
    /// <c>POST /api/auth/guest</c> for a new guest (a fresh device id every time, warm-up
    /// included), lean on the generator's side: the body is written with a
    /// <see cref="Utf8JsonWriter"/> and only <c>user.id</c> and <c>accessToken</c> are read from the
    /// response with a <see cref="Utf8JsonReader"/>, no object model. Ten thousand sign-ins cost the
    /// generator CPU that the bare baseline's generator does not spend.
    /// </summary>
    private async Task<(Guid UserId, string AccessToken)> GuestSignInAsync(string nickname, CancellationToken ct)
    {
        var body = new ArrayBufferWriter<byte>(160);
        using (var writer = new Utf8JsonWriter(body))
        {
            writer.WriteStartObject();
            writer.WriteString("displayName", nickname);
            writer.WriteString("deviceId", NewDeviceId());
            writer.WriteString("locale", "en");
            writer.WriteEndObject();
        }

        using var content = new ReadOnlyMemoryContent(body.WrittenMemory);
        content.Headers.ContentType = JsonMediaType;
        using var response = await _http.PostAsync(GuestPath, content, ct);
        var bytes = await response.Content.ReadAsByteArrayAsync(ct);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new SeatException($"http_{(int)response.StatusCode}", $"POST {GuestPath}: {(int)response.StatusCode} {Encoding.UTF8.GetString(bytes)}");
        }

        return ReadGuest(bytes);
    }

    /// <summary>A fresh device for every guest, warm-up included: every sign-in makes a new user.</summary>
    private static string NewDeviceId() => $"loadgen-{Guid.NewGuid():N}";

    /// <summary>The new user's id (<c>user.id</c>) and its access token from a sign-in response.</summary>
    private static (Guid UserId, string AccessToken) ReadGuest(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        Guid? userId = null;
        string? token = null;
        reader.Read(); // the response object
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.ValueSpan;
            reader.Read();
            if (name.SequenceEqual("accessToken"u8))
            {
                token = reader.GetString();
            }
            else if (name.SequenceEqual("user"u8) && reader.TokenType == JsonTokenType.StartObject)
            {
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var field = reader.ValueSpan;
                    reader.Read();
                    if (field.SequenceEqual("id"u8))
                    {
                        userId = reader.GetGuid();
                    }
                    else
                    {
                        reader.Skip();
                    }
                }
            }
            else
            {
                reader.Skip();
            }
        }

        return userId is { } id && token is { Length: > 0 }
            ? (id, token)
            : throw new SeatException("bad_response", "The guest sign-in response has no user.id or accessToken.");
    }

    private async Task<JsonElement> PostAsync(string path, string? token, object body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await _http.SendAsync(request, ct);
        if (response.StatusCode is not (HttpStatusCode.OK or HttpStatusCode.Created))
        {
            var detail = await response.Content.ReadAsStringAsync(ct);
            throw new SeatException($"http_{(int)response.StatusCode}", $"POST {path}: {(int)response.StatusCode} {detail}");
        }

        return await response.Content.ReadFromJsonAsync<JsonElement>(ct);
    }
}
