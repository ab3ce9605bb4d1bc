using System.Text.Json;

namespace Referral.LoadGen.Protocol;

/// <summary>
/// A server-to-client invocation (a hub event). <paramref name="Argument"/> is the first argument
/// and lives only for the duration of the callback: the frame's document is disposed after it, so
/// a handler copies what it keeps (or calls <see cref="JsonElement.Clone"/>).
/// <paramref name="ReceivedAt"/> is the local UTC time the frame came off the socket.
/// </summary>
public readonly record struct HubEvent(string Target, JsonElement Argument, DateTime ReceivedAt, int Bytes);
