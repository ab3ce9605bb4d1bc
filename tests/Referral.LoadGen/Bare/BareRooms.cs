using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;

namespace Referral.LoadGen.Bare;

/// <summary>
/// The baseline's rooms and their fan-out: a question is one group broadcast; a close sends one
/// message per connection (the product's relay cuts each player's own result out of one event
/// the same way); the deadline closes by timer, checked against the clock.
/// </summary>
public sealed class BareRooms(IHubContext<BareHub> hub, TimeProvider time)
{
    private readonly ConcurrentDictionary<Guid, BareRoom> _rooms = new();

    public BareRoom Create(Guid id, int questions) => _rooms.GetOrAdd(id, _ => new BareRoom(id, questions));

    public BareRoom Get(Guid id) => _rooms.TryGetValue(id, out var room) ? room : throw new HubException("room_not_found: no such room.");

    public async Task OpenAsync(BareRoom room, int index, int timeLimitSeconds, int payloadBytes)
    {
        ArgumentNullException.ThrowIfNull(room);
        var now = time.GetUtcNow();
        long sequence;
        lock (room.Gate)
        {
            if (room.Open)
            {
                throw new HubException("wrong_phase: a question is open.");
            }

            room.Index = index;
            room.Open = true;
            room.Answered.Clear();
            room.Deadline = now.AddSeconds(timeLimitSeconds);
            sequence = ++room.Sequence;
            room.DeadlineTimer?.Dispose();
            room.DeadlineTimer = time.CreateTimer(_ => _ = CloseAsync(room, index), null, TimeSpan.FromSeconds(timeLimitSeconds), Timeout.InfiniteTimeSpan);
        }

        await hub.Clients.Group(room.Id.ToString()).SendAsync("questionStarted", BareMessages.QuestionStarted(room, sequence, index, now, payloadBytes));
    }

    public object Answer(BareRoom room, string connectionId, int index)
    {
        ArgumentNullException.ThrowIfNull(room);
        var now = time.GetUtcNow();
        bool everyone;
        lock (room.Gate)
        {
            if (!room.Open || now > room.Deadline)
            {
                throw new HubException("too_late: the question has closed.");
            }

            if (index != room.Index)
            {
                throw new HubException("wrong_question: not the open question.");
            }

            var first = room.Answered.Add(connectionId);
            everyone = first && room.Answered.Count == room.Players.Count;
            if (!first)
            {
                return new { questionIndex = index, receivedAt = now, duplicate = true };
            }
        }

        if (everyone)
        {
            _ = CloseAsync(room, index);
        }

        return new { questionIndex = index, receivedAt = now, duplicate = false };
    }

    public async Task CloseAsync(BareRoom room, int index)
    {
        ArgumentNullException.ThrowIfNull(room);
        List<(string Connection, Guid User, bool Answered)> targets;
        long sequence;
        bool isLast;
        lock (room.Gate)
        {
            if (!room.Open || room.Index != index)
            {
                return;
            }

            room.Open = false;
            sequence = ++room.Sequence;
            isLast = index == room.Questions - 1;
            targets = [.. room.Players.Select(p => (p.Key, p.Value, room.Answered.Contains(p.Key)))];
        }

        if (room.HostConnection is { } host)
        {
            await hub.Clients.Client(host).SendAsync("questionClosed", BareMessages.Closed(room, sequence, index, isLast, null));
        }

        foreach (var (connection, user, answered) in targets)
        {
            await hub.Clients.Client(connection).SendAsync("questionClosed", BareMessages.Closed(room, sequence, index, isLast, new { userId = user, answered, correct = false, points = 0, total = 0, rank = 0, streak = 0 }));
        }
    }

    public async Task EndAsync(BareRoom room)
    {
        ArgumentNullException.ThrowIfNull(room);
        List<KeyValuePair<string, Guid>> targets;
        long sequence;
        lock (room.Gate)
        {
            sequence = ++room.Sequence;
            targets = [.. room.Players];
        }

        if (room.HostConnection is { } host)
        {
            await hub.Clients.Client(host).SendAsync("gameEnded", new { roomId = room.Id, sequence, podium = Array.Empty<object>(), ranking = Array.Empty<object>() });
        }

        foreach (var (connection, user) in targets)
        {
            await hub.Clients.Client(connection).SendAsync("gameEnded", new { roomId = room.Id, sequence, podium = Array.Empty<object>(), me = new { rank = 0, userId = user, nickname = "", score = 0, correctAnswers = 0 } });
        }
    }
}
