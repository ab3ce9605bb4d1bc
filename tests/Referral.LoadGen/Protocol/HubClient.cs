using System.Buffers;
using System.Collections.Concurrent;
using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace Referral.LoadGen.Protocol;

/// <summary>
/// A lean SignalR client: the JSON hub protocol (version 1) over one <see cref="ClientWebSocket"/>,
/// no negotiation, no reconnect, no transport fallback. It exists so that ten thousand connections
/// cost the generator little CPU: one receive loop and one growable buffer per connection, a frame
/// parsed once, events stamped when they come off the socket. Frames are JSON followed by the
/// record separator 0x1E; the first exchange is the handshake.
/// </summary>
public sealed class HubClient : IAsyncDisposable
{
    private const byte Separator = 0x1E;
    private static readonly byte[] Handshake = Encoding.UTF8.GetBytes("{\"protocol\":\"json\",\"version\":1}\u001e");
    private static readonly byte[] PingFrame = Encoding.UTF8.GetBytes("{\"type\":6}\u001e");
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly ClientWebSocket _socket = new();
    private readonly SemaphoreSlim _sendGate = new(1, 1);
    private readonly ConcurrentDictionary<long, TaskCompletionSource<JsonElement>> _pending = new();
    private readonly Action<HubEvent> _onEvent;
    private byte[] _buffer = new byte[4096];
    private int _filled;
    private long _nextInvocationId;
    private long _lastSendTicks = Environment.TickCount64;
    private Task _receiving = Task.CompletedTask;

    private HubClient(Action<HubEvent> onEvent) => _onEvent = onEvent;

    /// <summary>Why the connection ended (server close message, socket error), or null while open.</summary>
    public string? ClosedReason { get; private set; }

    /// <summary>
    /// Opens the WebSocket, completes the handshake and starts the receive loop. Throws
    /// <see cref="HubConnectException"/> with a short kind (<c>http_401</c>, <c>refused</c>, …).
    /// </summary>
    public static async Task<HubClient> ConnectAsync(Uri hubUrl, string? accessToken, Action<HubEvent> onEvent, TimeSpan timeout, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(hubUrl);
        var client = new HubClient(onEvent);
        client._socket.Options.KeepAliveInterval = TimeSpan.Zero; // SignalR pings are the keep-alive.
        client._socket.Options.CollectHttpResponseDetails = true;
        client._socket.Options.SetBuffer(4096, 4096);
        var url = accessToken is null ? hubUrl : new Uri($"{hubUrl}?access_token={Uri.EscapeDataString(accessToken)}");
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(timeout);
        try
        {
            await client._socket.ConnectAsync(url, deadline.Token);
            await client._socket.SendAsync(Handshake, WebSocketMessageType.Text, true, deadline.Token);
            await client.ReadHandshakeAsync(deadline.Token);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException or HubConnectException)
        {
            var kind = ex switch
            {
                HubConnectException hce => hce.Kind,
                OperationCanceledException => "connect_timeout",
                _ when client._socket.HttpStatusCode != 0 && (int)client._socket.HttpStatusCode != 101 => "http_" + ((int)client._socket.HttpStatusCode).ToString(CultureInfo.InvariantCulture),
                _ => "connect_failed",
            };
            client._socket.Dispose();
            throw new HubConnectException(kind, ex.Message, ex);
        }

        client._receiving = Task.Run(client.ReceiveLoopAsync, CancellationToken.None);
        return client;
    }

    /// <summary>Invokes a hub method and waits for its completion; an error completion throws <see cref="HubCallException"/>.</summary>
    public async Task<JsonElement> InvokeAsync(string target, object?[] arguments, TimeSpan timeout)
    {
        var id = Interlocked.Increment(ref _nextInvocationId);
        var completion = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = completion;
        try
        {
            await SendAsync(Invocation(id, target, arguments), timeout);
            return await completion.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new HubCallException($"timeout: {target} got no completion within {timeout.TotalSeconds:0.#} s.");
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
            throw new HubCallException($"send_failed: {target}: {ex.Message}", ex);
        }
        finally
        {
            _pending.TryRemove(id, out _);
        }
    }

    /// <summary>
    /// Sends a protocol ping when nothing was sent for <paramref name="idle"/>: the server drops a
    /// client it has not heard from within its client timeout (30 s by default).
    /// </summary>
    public async Task KeepAliveAsync(TimeSpan idle)
    {
        if (ClosedReason is null && Environment.TickCount64 - Interlocked.Read(ref _lastSendTicks) >= idle.TotalMilliseconds)
        {
            try
            {
                await SendAsync(PingFrame, TimeSpan.FromSeconds(5));
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException or HubCallException)
            {
                ClosedReason ??= "ping_failed: " + ex.Message;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            try
            {
                using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, cts.Token);
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
            {
                // Tear-down: the server may already be gone.
            }
        }

        _socket.Abort();
        await _receiving;
        _socket.Dispose();
        _sendGate.Dispose();
    }

    private static byte[] Invocation(long id, string target, object?[] arguments)
    {
        var output = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(output))
        {
            writer.WriteStartObject();
            writer.WriteNumber("type", 1);
            writer.WriteString("invocationId", id.ToString(CultureInfo.InvariantCulture));
            writer.WriteString("target", target);
            writer.WritePropertyName("arguments");
            JsonSerializer.Serialize(writer, arguments, Json);
            writer.WriteEndObject();
        }

        output.Write([Separator]);
        return output.WrittenSpan.ToArray();
    }

    private async Task SendAsync(byte[] frame, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        await _sendGate.WaitAsync(cts.Token);
        try
        {
            await _socket.SendAsync(frame, WebSocketMessageType.Text, true, cts.Token);
            Interlocked.Exchange(ref _lastSendTicks, Environment.TickCount64);
        }
        finally
        {
            _sendGate.Release();
        }
    }

    private async Task ReadHandshakeAsync(CancellationToken ct)
    {
        // The handshake response is "{}" or {"error": "..."} followed by the separator; nothing
        // else may be sent before it, but a fast server may pack the first frames behind it.
        while (true)
        {
            var end = Array.IndexOf(_buffer, Separator, 0, _filled);
            if (end >= 0)
            {
                using var doc = JsonDocument.Parse(_buffer.AsMemory(0, end));
                if (doc.RootElement.TryGetProperty("error", out var error))
                {
                    throw new HubConnectException("handshake_refused", error.GetString() ?? "", null);
                }

                Consume(end + 1);
                return;
            }

            var read = await ReadMoreAsync(ct);
            if (read.MessageType == WebSocketMessageType.Close)
            {
                throw new HubConnectException("handshake_closed", "The server closed the socket during the handshake.", null);
            }
        }
    }

    private async ValueTask<ValueWebSocketReceiveResult> ReadMoreAsync(CancellationToken ct)
    {
        if (_filled == _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }

        var read = await _socket.ReceiveAsync(_buffer.AsMemory(_filled), ct);
        _filled += read.Count;
        return read;
    }

    private void Consume(int count)
    {
        Buffer.BlockCopy(_buffer, count, _buffer, 0, _filled - count);
        _filled -= count;
    }

    private async Task ReceiveLoopAsync()
    {
        try
        {
            // Frames already buffered behind the handshake.
            DispatchFrames(DateTime.UtcNow);
            while (_socket.State == WebSocketState.Open)
            {
                var read = await ReadMoreAsync(CancellationToken.None);
                if (read.MessageType == WebSocketMessageType.Close)
                {
                    ClosedReason ??= "socket_closed_by_server";
                    break;
                }

                DispatchFrames(DateTime.UtcNow);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException or OperationCanceledException or IOException)
        {
            ClosedReason ??= "socket_error: " + ex.Message;
        }
        catch (JsonException ex)
        {
            ClosedReason ??= "bad_frame: " + ex.Message;
        }
        finally
        {
            ClosedReason ??= "socket_closed";
            foreach (var pending in _pending.Values)
            {
                pending.TrySetException(new HubCallException("closed: " + ClosedReason));
            }
        }
    }

    private void DispatchFrames(DateTime receivedAt)
    {
        var start = 0;
        while (true)
        {
            var end = Array.IndexOf(_buffer, Separator, start, _filled - start);
            if (end < 0)
            {
                break;
            }

            Dispatch(_buffer.AsMemory(start, end - start), receivedAt);
            start = end + 1;
        }

        if (start > 0)
        {
            Consume(start);
        }
    }

    private void Dispatch(ReadOnlyMemory<byte> frame, DateTime receivedAt)
    {
        using var doc = JsonDocument.Parse(frame);
        var root = doc.RootElement;
        switch (root.GetProperty("type").GetInt32())
        {
            case 1:
                var args = root.GetProperty("arguments");
                var argument = args.GetArrayLength() > 0 ? args[0] : default;
                _onEvent(new HubEvent(root.GetProperty("target").GetString()!, argument, receivedAt, frame.Length + 1));
                break;

            case 3:
                var id = long.Parse(root.GetProperty("invocationId").GetString()!, CultureInfo.InvariantCulture);
                if (_pending.TryGetValue(id, out var completion))
                {
                    if (root.TryGetProperty("error", out var error))
                    {
                        completion.TrySetException(new HubCallException(error.GetString() ?? "hub_error"));
                    }
                    else
                    {
                        completion.TrySetResult(root.TryGetProperty("result", out var result) ? result.Clone() : default);
                    }
                }

                break;

            case 7:
                ClosedReason ??= "server_close: " + (root.TryGetProperty("error", out var reason) ? reason.GetString() : "no reason");
                break;
        }
    }
}
