using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.SignalR;
using Referral.Api.Auth;
using Referral.Api.Rooms;
using Referral.Grains.Abstractions.Quiz;
using Referral.Grains.Quiz;

namespace Referral.Api.Hubs;

/// <summary>
/// Live quiz rooms over the hub. Every method is one call to the room grain; the grain is the only
/// judge. Failures are <see cref="HubException"/>s whose message starts with a stable code and a
/// colon (<c>"too_late: The question has closed."</c>), documented in docs/protocol.md.
/// </summary>
public sealed partial class GameHub
{
    /// <summary>Joins the room holding <paramref name="pin"/> with a nickname; returns the room as the player sees it.</summary>
    public async Task<RoomSnapshot> JoinRoom(string pin, string nickname, [FromServices] IGrainFactory grains, [FromServices] RoomRelay relay)
    {
        var roomId = await ResolvePin(pin, grains);
        return Unwrap(await Join(roomId, nickname, grains, relay));
    }

    /// <summary>The live room holding <paramref name="pin"/>, or the hub error <c>room_not_found</c>.</summary>
    private static async Task<Guid> ResolvePin(string? pin, IGrainFactory grains)
    {
        if (pin is null || !RoomPins.IsWellFormed(pin))
        {
            throw Error(QuizErrors.RoomNotFound, "A PIN has six digits.");
        }

        return await grains.GetGrain<IRoomPinGrain>(pin).Resolve() ?? throw Error(QuizErrors.RoomNotFound, "No live room has this PIN.");
    }

    /// <summary>The caller joins <paramref name="roomId"/>; attached to its events when the room took them in.</summary>
    private async Task<QuizOutcome<RoomSnapshot>> Join(Guid roomId, string? nickname, IGrainFactory grains, RoomRelay relay)
    {
        var userId = Context.User!.UserId();
        // Subscribe before reading the snapshot, so no event after the snapshot can be missed.
        await relay.EnsureSubscribed(roomId);
        var outcome = await grains.GetGrain<IQuizRoomGrain>(roomId).Join(userId, nickname ?? "");
        if (!outcome.Ok)
        {
            await relay.Release(roomId);
            return outcome;
        }

        await relay.Attach(Context.ConnectionId, roomId, userId, outcome.Value!.IsHost);
        return outcome;
    }

    /// <summary>
    /// Re-attaches this connection to a room the user already belongs to (host or player) and
    /// returns the current snapshot: the reconnect path, and the fix for a sequence gap.
    /// </summary>
    public async Task<RoomSnapshot> Resume(Guid roomId, [FromServices] IGrainFactory grains, [FromServices] RoomRelay relay)
    {
        var userId = Context.User!.UserId();
        await relay.EnsureSubscribed(roomId);
        var snapshot = await Released(relay, roomId, grains.GetGrain<IQuizRoomGrain>(roomId).Snapshot(userId));
        await relay.Attach(Context.ConnectionId, roomId, userId, snapshot.IsHost);
        return snapshot;
    }

    /// <summary>Answers the open question: option ids in <paramref name="choices"/>, or <paramref name="text"/> for type-answer.</summary>
    public async Task<AnswerAck> Answer(Guid roomId, int questionIndex, int[]? choices, string? text, [FromServices] IGrainFactory grains, [FromServices] TimeProvider clock)
    {
        // Stamped on arrival at the front door: queueing inside the server is not the player's time.
        var answer = new AnswerSubmission(questionIndex, choices, text) { ReceivedAt = clock.GetUtcNow() };
        return Unwrap(await grains.GetGrain<IQuizRoomGrain>(roomId).Answer(Context.User!.UserId(), answer));
    }

    public async Task LeaveRoom(Guid roomId, [FromServices] IGrainFactory grains, [FromServices] RoomRelay relay)
    {
        await relay.Detach(Context.ConnectionId, roomId);
        Unwrap(await grains.GetGrain<IQuizRoomGrain>(roomId).Leave(Context.User!.UserId()));
    }

    [Authorize(Policy = Policies.Host)]
    public async Task<RoomSnapshot> StartGame(Guid roomId, [FromServices] IGrainFactory grains) =>
        Unwrap(await grains.GetGrain<IQuizRoomGrain>(roomId).Start(Context.User!.UserId()));

    [Authorize(Policy = Policies.Host)]
    public async Task<RoomSnapshot> NextQuestion(Guid roomId, [FromServices] IGrainFactory grains) =>
        Unwrap(await grains.GetGrain<IQuizRoomGrain>(roomId).Next(Context.User!.UserId()));

    [Authorize(Policy = Policies.Host)]
    public async Task<RoomSnapshot> CloseQuestion(Guid roomId, [FromServices] IGrainFactory grains) =>
        Unwrap(await grains.GetGrain<IQuizRoomGrain>(roomId).CloseQuestion(Context.User!.UserId()));

    [Authorize(Policy = Policies.Host)]
    public async Task<RoomSnapshot> EndGame(Guid roomId, [FromServices] IGrainFactory grains) =>
        Unwrap(await grains.GetGrain<IQuizRoomGrain>(roomId).End(Context.User!.UserId()));

    [Authorize(Policy = Policies.Host)]
    public async Task KickPlayer(Guid roomId, Guid userId, [FromServices] IGrainFactory grains) =>
        Unwrap(await grains.GetGrain<IQuizRoomGrain>(roomId).Kick(Context.User!.UserId(), userId));

    [Authorize(Policy = Policies.Host)]
    public async Task LockRoom(Guid roomId, bool locked, [FromServices] IGrainFactory grains) =>
        Unwrap(await grains.GetGrain<IQuizRoomGrain>(roomId).Lock(Context.User!.UserId(), locked));

    /// <summary>Unwraps a join or resume; when the room refuses, the subscription taken for it is given back.</summary>
    private static async Task<RoomSnapshot> Released(RoomRelay relay, Guid roomId, ValueTask<QuizOutcome<RoomSnapshot>> call)
    {
        var outcome = await call;
        if (!outcome.Ok)
        {
            await relay.Release(roomId);
        }

        return Unwrap(outcome);
    }

    private static T Unwrap<T>(QuizOutcome<T> outcome) =>
        outcome.Ok ? outcome.Value! : throw Error(outcome.Error!, outcome.Detail ?? outcome.Error!);

    private static HubException Error(string code, string detail) => new($"{code}: {detail}");
}
