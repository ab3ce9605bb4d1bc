using System.Diagnostics;
using Referral.Grains.Abstractions.Quiz;
using Referral.LoadGen.Protocol;

namespace Referral.LoadGen.Scenarios;

/// <summary>
/// The bare baseline: an ASP.NET Core SignalR hub with no Orleans, no auth and no storage
/// (<see cref="Bare.BareHub"/>), driven exactly like the product: same players, think times,
/// group broadcast of a question of the same size, per-connection results.
/// </summary>
public sealed class BareTarget(Uri baseUrl, int payloadBytes) : IGameTarget
{
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(60);
    private readonly Uri _hub = new(new Uri(baseUrl.ToString().Replace("http", "ws", StringComparison.Ordinal)), "hubs/bare");
    private int _timeLimitSeconds;

    public string Name => "bare";

    public async Task PrepareRoomAsync(RoomRun room, IReadOnlyList<QuestionDefinition> quiz, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(room);
        ArgumentNullException.ThrowIfNull(quiz);
        _timeLimitSeconds = quiz[0].TimeLimitSeconds;
        room.RoomId = Guid.NewGuid();
        room.Pin = room.RoomId.ToString("N")[..6];
        room.Host = await HubClient.ConnectAsync(_hub, null, room.OnHostEvent, CallTimeout, ct);
        await room.Host.InvokeAsync("Host", [room.RoomId, quiz.Count], CallTimeout);
    }

    public async Task SeatAsync(PlayerBot player, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(player);
        var clock = Stopwatch.StartNew();
        player.Hub = await HubClient.ConnectAsync(_hub, null, player.OnEvent, CallTimeout, ct);
        player.ConnectMs = clock.Elapsed.TotalMilliseconds;
        clock.Restart();
        var seat = await player.Hub.InvokeAsync("Join", [player.Room.RoomId, player.Nickname], CallTimeout);
        player.UserId = seat.GetProperty("userId").GetGuid();
        player.JoinMs = clock.Elapsed.TotalMilliseconds;
    }

    public object?[] AnswerArguments(RoomRun room, int question, int choice) => [room?.RoomId, question, choice];

    public Task OpenAsync(RoomRun room, int question) =>
        room.Host!.InvokeAsync("Open", [room.RoomId, question, _timeLimitSeconds, payloadBytes], CallTimeout);

    public Task CloseAsync(RoomRun room, int question) => room.Host!.InvokeAsync("Close", [room.RoomId, question], CallTimeout);

    public Task EndAsync(RoomRun room) => room.Host!.InvokeAsync("End", [room.RoomId], CallTimeout);
}
