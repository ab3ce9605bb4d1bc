using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace Referral.Api.Tests.Rooms;

/// <summary>Records every room event a hub connection receives, in arrival order, as raw JSON.</summary>
internal sealed class HubRecorder
{
    private static readonly string[] Events =
        ["questionStarted", "questionClosed", "playerCount", "hostActivity", "roomLocked", "kicked", "playerKicked", "gameEnded"];

    private readonly ConcurrentQueue<(string Name, JsonElement Payload)> _received = new();

    public HubRecorder(HubConnection hub)
    {
        foreach (var name in Events)
        {
            hub.On<JsonElement>(name, payload => _received.Enqueue((name, payload.Clone())));
        }
    }

    public IReadOnlyList<(string Name, JsonElement Payload)> Received => _received.ToList();

    public int Count(string name, Func<JsonElement, bool>? match = null) =>
        _received.Count(e => e.Name == name && (match?.Invoke(e.Payload) ?? true));

    public JsonElement Single(string name, Func<JsonElement, bool> match) =>
        _received.Single(e => e.Name == name && match(e.Payload)).Payload;
}
