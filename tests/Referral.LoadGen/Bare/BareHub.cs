using Microsoft.AspNetCore.SignalR;

namespace Referral.LoadGen.Bare;

/// <summary>The baseline hub: the quiz fan-out pattern with nothing behind it (no auth, no Orleans, no storage).</summary>
public sealed class BareHub(BareRooms rooms) : Hub
{
    public async Task Host(Guid roomId, int questions)
    {
        var room = rooms.Create(roomId, questions);
        room.HostConnection = Context.ConnectionId;
        await Groups.AddToGroupAsync(Context.ConnectionId, roomId.ToString());
    }

    public async Task<object> Join(Guid roomId, string nickname)
    {
        var room = rooms.Get(roomId);
        var userId = Guid.NewGuid();
        await Groups.AddToGroupAsync(Context.ConnectionId, roomId.ToString());
        int count;
        lock (room.Gate)
        {
            room.Players[Context.ConnectionId] = userId;
            count = room.Players.Count;
        }

        return new { roomId, userId, nickname, phase = "Lobby", playerCount = count };
    }

    public Task Open(Guid roomId, int index, int timeLimitSeconds, int payloadBytes) =>
        rooms.OpenAsync(rooms.Get(roomId), index, timeLimitSeconds, payloadBytes);

    public object Answer(Guid roomId, int index, int choice) => rooms.Answer(rooms.Get(roomId), Context.ConnectionId, index);

    public Task Close(Guid roomId, int index) => rooms.CloseAsync(rooms.Get(roomId), index);

    public Task End(Guid roomId) => rooms.EndAsync(rooms.Get(roomId));
}
