using System.Collections.Concurrent;
using System.Globalization;
using System.Net;

namespace Referral.Testing;

/// <summary>
/// A webhook endpoint for tests: an <see cref="HttpListener"/> on 127.0.0.1 at a free port that
/// records every request and answers with scripted statuses (then <see cref="DefaultStatus"/>).
/// It can be stopped and started again on the same port to play a receiver that is down.
/// </summary>
public sealed class WebhookReceiver : IDisposable
{
    private readonly ConcurrentQueue<int> _script = new();
    private readonly ConcurrentQueue<ReceivedWebhook> _received = new();
    private readonly object _gate = new();
    private HttpListener? _listener;
    private Task? _loop;

    public WebhookReceiver()
    {
        Port = FreePort.Next();
    }

    public int Port { get; }

    /// <summary>The URL to configure as the webhook endpoint.</summary>
    public string Url => string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{Port}/hooks/referrals");

    /// <summary>The status once the script is used up. Default: 200.</summary>
    public int DefaultStatus { get; set; } = 200;

    /// <summary>How long each answer is held back (to play a slow receiver). Default: none.</summary>
    public TimeSpan Delay { get; set; } = TimeSpan.Zero;

    /// <summary>A <c>Location</c> header sent with every answer (to play a redirecting receiver).</summary>
    public string? Location { get; set; }

    public IReadOnlyList<ReceivedWebhook> Received => [.. _received];

    /// <summary>Answers the next requests with <paramref name="statuses"/>, in order.</summary>
    public void Script(params int[] statuses)
    {
        ArgumentNullException.ThrowIfNull(statuses);
        foreach (var status in statuses)
        {
            _script.Enqueue(status);
        }
    }

    public WebhookReceiver Start()
    {
        lock (_gate)
        {
            if (_listener is not null)
            {
                return this;
            }

            var listener = new HttpListener();
            listener.Prefixes.Add(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{Port}/"));
            listener.Start();
            _listener = listener;
            _loop = Task.Run(() => Serve(listener));
            return this;
        }
    }

    public void Stop()
    {
        HttpListener? listener;
        lock (_gate)
        {
            listener = _listener;
            _listener = null;
        }

        listener?.Close();
        _loop?.Wait(TimeSpan.FromSeconds(5));
    }

    /// <summary>Waits until <paramref name="count"/> requests arrived, or fails naming what did not.</summary>
    public async Task<IReadOnlyList<ReceivedWebhook>> WaitForAsync(int count, TimeSpan within, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + within;
        while (_received.Count < count)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The webhook receiver got {_received.Count} of {count} requests within {within.TotalSeconds:0}s.");
            }

            await Task.Delay(25, ct);
        }

        return Received;
    }

    public void Dispose() => Stop();

    private async Task Serve(HttpListener listener)
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => Answer(context));
        }
    }

    private async Task Answer(HttpListenerContext context)
    {
        try
        {
            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            var headers = context.Request.Headers.AllKeys
                .Where(k => k is not null)
                .ToDictionary(k => k!, k => context.Request.Headers[k] ?? "", StringComparer.OrdinalIgnoreCase);
            _received.Enqueue(new ReceivedWebhook(context.Request.HttpMethod, context.Request.Url?.AbsolutePath ?? "", headers, body.ToArray(), DateTimeOffset.UtcNow));
            if (Delay > TimeSpan.Zero)
            {
                await Task.Delay(Delay);
            }

            context.Response.StatusCode = _script.TryDequeue(out var scripted) ? scripted : DefaultStatus;
            if (Location is not null)
            {
                context.Response.RedirectLocation = Location;
            }

            context.Response.Close();
        }
        catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException or IOException)
        {
            // The listener was stopped mid-request, or the sender gave up (timeout tests).
        }
    }
}
