using System.Diagnostics;
using System.Globalization;
using Referral.LoadGen.Hosting;
using Referral.LoadGen.Protocol;
using Referral.LoadGen.Reporting;

namespace Referral.LoadGen.Scenarios;

/// <summary>
/// One run against one target: rooms set up, players seated in paced batches, every room's host
/// bot playing the quiz while the players answer, then the metrics. Every wait is bounded.
/// </summary>
public sealed class GameRun(LoadGenOptions options, IGameTarget target, int? serverPid, TextWriter log)
{
    private static readonly TimeSpan KeepAliveIdle = TimeSpan.FromSeconds(10);
    private readonly ErrorCounts _errors = new();

    public async Task<RunMetrics> RunAsync(CancellationToken ct)
    {
        var quiz = QuizPlan.Quiz(options.Questions, options.TimeLimitSeconds);
        var events = new EventCounts();
        var rooms = Enumerable.Range(0, options.Rooms).Select(r => new RoomRun(r, target, options.Questions, _errors) { Events = events }).ToList();
        foreach (var room in rooms)
        {
            for (var i = 0; i < options.Players; i++)
            {
                var index = (room.Index * options.Players) + i;
                room.Players.Add(new PlayerBot(index, room, QuizPlan.Answers(options, index)));
            }
        }

        await using var sampler = serverPid is int pid ? new ProcSampler(pid) : null;
        var self = Environment.ProcessId;
        var serverIdle = sampler?.Sample() ?? default;
        var selfIdle = ProcSampler.TryRead(self) ?? default;
        using var stopKeepAlive = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var keepAlive = KeepAliveAsync(rooms, stopKeepAlive.Token);
        try
        {
            var setup = Stopwatch.StartNew();
            await Batched(rooms, 2, room => PrepareRoomAsync(room, quiz, ct));
            var setupSeconds = setup.Elapsed.TotalSeconds;
            Say($"{rooms.Count(r => !r.Failed)}/{rooms.Count} rooms ready in {setupSeconds:0.0} s");

            var players = rooms.Where(r => !r.Failed).SelectMany(r => r.Players).ToList();
            var seatClock = Stopwatch.StartNew();
            var done = 0;
            // A window of at most --batch seats in flight: a new seat starts as soon as one ends,
            // so the server is never left idle waiting for the slowest seat of a batch.
            await Parallel.ForEachAsync(players, new ParallelOptions { MaxDegreeOfParallelism = options.Batch }, async (p, _) =>
            {
                await SeatAsync(p, ct);
                var seatedSoFar = Interlocked.Increment(ref done);
                if (seatedSoFar % 1000 == 0)
                {
                    Say($"seated {seatedSoFar}/{players.Count} in {seatClock.Elapsed.TotalSeconds:0.0} s");
                }
            });
            var seatWall = seatClock.Elapsed.TotalSeconds;
            var seatedCount = players.Count(p => p.Seated);
            Say($"seated {seatedCount}/{rooms.Count * options.Players} in {seatWall:0.0} s");
            var serverSeated = sampler?.Sample() ?? default;
            var selfSeated = ProcSampler.TryRead(self) ?? default;

            await Task.WhenAll(rooms.Where(r => !r.Failed).Select(r => HostLoopAsync(r, ct)));
            var stragglers = players.SelectMany(p => p.Questions.Select(q => q.Answering)).Where(t => !t.IsCompleted).ToList();
            await Task.WhenAny(Task.WhenAll(stragglers), Task.Delay(TimeSpan.FromSeconds(60), ct));

            var serverEnd = sampler?.Sample() ?? default;
            var selfEnd = ProcSampler.TryRead(self) ?? default;
            var seated = players.Where(p => p.Seated).ToList();
            var seating = new SeatMetrics(
                rooms.Count * options.Players,
                seatedCount,
                Math.Round(setupSeconds, 2),
                Math.Round(seatWall, 2),
                seatWall == 0 ? 0 : Math.Round(seatedCount / seatWall, 1),
                Latency.Of(seated.Select(p => p.SignInMs)),
                Latency.Of(seated.Select(p => p.ConnectMs)),
                Latency.Of(seated.Select(p => p.JoinMs)),
                Latency.Of(seated.Select(p => p.SignInMs + p.ConnectMs + p.JoinMs)));
            var server = sampler is null
                ? null
                : MetricsBuilder.Resources(sampler.Pid, serverIdle, serverSeated, serverEnd, sampler.PeakRssKb, seatedCount);
            var generator = MetricsBuilder.Resources(self, selfIdle, selfSeated, selfEnd, 0, seatedCount);
            return MetricsBuilder.Build(target.Name, rooms, quiz, seating, _errors, server, generator, target is ProductTarget);
        }
        finally
        {
            await stopKeepAlive.CancelAsync();
            await keepAlive;
            await Batched(rooms.SelectMany(r => r.Players.Select(p => p.Hub).Append(r.Host)).OfType<HubClient>().ToList(), 500, h => h.DisposeAsync().AsTask());
        }
    }

    private static async Task Batched<T>(IReadOnlyList<T> items, int size, Func<T, Task> action)
    {
        for (var i = 0; i < items.Count; i += size)
        {
            await Task.WhenAll(items.Skip(i).Take(size).Select(action));
        }
    }

    private static async Task<bool> Until(Func<bool> condition, TimeSpan within)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > within)
            {
                return false;
            }

            await Task.Delay(10);
        }

        return true;
    }

    private async Task PrepareRoomAsync(RoomRun room, IReadOnlyList<Grains.Abstractions.Quiz.QuestionDefinition> quiz, CancellationToken ct)
    {
        try
        {
            await target.PrepareRoomAsync(room, quiz, ct);
        }
        catch (Exception ex) when (ex is SeatException or HubConnectException or HubCallException or HttpRequestException or TaskCanceledException)
        {
            room.Failed = true;
            _errors.Add("room_setup_" + Kind(ex), ex.Message);
        }
    }

    private async Task SeatAsync(PlayerBot player, CancellationToken ct)
    {
        try
        {
            await target.SeatAsync(player, ct);
            player.Seated = true;
        }
        catch (Exception ex) when (ex is SeatException or HubConnectException or HubCallException or HttpRequestException or TaskCanceledException)
        {
            _errors.Add("seat_" + Kind(ex), ex.Message);
        }
    }

    private async Task HostLoopAsync(RoomRun room, CancellationToken ct)
    {
        var seated = room.Players.Count(p => p.Seated);
        var settle = TimeSpan.FromSeconds(30) + TimeSpan.FromMilliseconds(seated * 2);
        for (var q = 0; q < options.Questions; q++)
        {
            var view = room.HostView[q];
            if (!await HostStep(room, q, "open", () => target.OpenAsync(room, q)) ||
                !await Expect(room, q, "host_missed_question", () => view.StartedSeenAt != default, settle))
            {
                return;
            }

            var closeBy = view.Deadline.AddSeconds(1.5);
            await Until(() => view.ClosedSeenAt != default || DateTime.UtcNow > closeBy, TimeSpan.FromSeconds(options.TimeLimitSeconds) + settle);
            if (view.ClosedSeenAt == default)
            {
                view.CloseSentAt = DateTime.UtcNow;
                if (!await HostStep(room, q, "close", () => target.CloseAsync(room, q)) ||
                    !await Expect(room, q, "host_missed_close", () => view.ClosedSeenAt != default, settle))
                {
                    return;
                }
            }

            // The next question waits until every seated player has this one's result (or the
            // bound passes: then the losses show in the delivery counts).
            var index = q;
            if (!await Until(() => room.Results(index) >= seated && room.Players.All(p => p.Questions[index].Answering.IsCompleted), settle))
            {
                _errors.Add("results_incomplete", $"room {room.Index} question {q}: {room.Results(q)}/{seated} results after {settle.TotalSeconds:0} s");
            }

            Say($"{target.Name} room {room.Index} question {q}: {room.Started(q)}/{seated} started, {room.Results(q)}/{seated} results");
            await Task.Delay(options.RevealMs, ct);
        }

        if (await HostStep(room, options.Questions, "end", () => target.EndAsync(room)) &&
            !await Until(() => room.Ended >= seated && room.HostEndedAt != default, settle))
        {
            _errors.Add("ends_incomplete", $"room {room.Index}: {room.Ended}/{seated} gameEnded");
        }
    }

    private async Task<bool> HostStep(RoomRun room, int q, string step, Func<Task> call)
    {
        try
        {
            await call();
            return true;
        }
        catch (HubCallException ex)
        {
            room.Failed = true;
            _errors.Add($"host_{step}_{ex.Code}", $"room {room.Index} question {q}: {ex.Message}");
            return false;
        }
    }

    private async Task<bool> Expect(RoomRun room, int q, string kind, Func<bool> condition, TimeSpan within)
    {
        if (await Until(condition, within))
        {
            return true;
        }

        room.Failed = true;
        _errors.Add(kind, $"room {room.Index} question {q}");
        return false;
    }

    private static async Task KeepAliveAsync(List<RoomRun> rooms, CancellationToken ct)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(5));
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                var hubs = rooms.SelectMany(r => r.Players.Select(p => p.Hub).Append(r.Host)).OfType<HubClient>().ToList();
                await Batched(hubs, 500, h => h.KeepAliveAsync(KeepAliveIdle));
            }
        }
        catch (OperationCanceledException)
        {
            // Run over.
        }
    }

    private static string Kind(Exception ex) => ex switch
    {
        SeatException s => s.Kind,
        HubConnectException c => c.Kind,
        HubCallException h => h.Code,
        TaskCanceledException => "timeout",
        _ => "http_failed",
    };

    private void Say(string line) =>
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{DateTime.UtcNow:HH:mm:ss.f}] {target.Name}: {line}"));
}
