using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using Referral.Grains.Abstractions.Referrals.Webhooks;

namespace Referral.Grains.Referrals.Webhooks;

/// <summary>
/// Sends one signed attempt through the named <see cref="ClientName"/> client (registered by the
/// silo host without automatic redirects: a 3xx counts as a failure) and reports the status or the
/// error. Never throws for the receiver's faults.
/// </summary>
public sealed partial class WebhookSender(IHttpClientFactory clients, TimeProvider time, ILogger<WebhookSender> logger)
{
    public const string ClientName = "Referral.Webhooks";

    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };
    private static readonly ProductInfoHeaderValue Agent = new("Referral.Orleans-Webhooks", "1");

    public async Task<WebhookAttemptResult> SendAsync(Guid token, string url, string secret, WebhookEvent evt, int attempt, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(evt);
        var started = time.GetUtcNow();
        var stopwatch = time.GetTimestamp();
        var body = WebhookPayload.Body(evt);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(url, UriKind.Absolute))
        {
            Content = new ByteArrayContent(body),
        };
        request.Content.Headers.ContentType = Json;
        request.Headers.UserAgent.Add(Agent);
        request.Headers.Add(WebhookSignature.HeaderName, WebhookSignature.Sign(secret, body, started.ToUnixTimeSeconds()));
        request.Headers.Add(WebhookSignature.EventIdHeader, evt.Id);
        request.Headers.Add(WebhookSignature.EventTypeHeader, evt.Type);
        request.Headers.Add(WebhookSignature.AttemptHeader, attempt.ToString(System.Globalization.CultureInfo.InvariantCulture));

        int? status = null;
        string? error = null;
        // Real time, whatever clock the grains read: this bounds a real socket.
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            var http = clients.CreateClient(ClientName);
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
            status = (int)response.StatusCode;
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            error = $"timeout after {timeout.TotalSeconds:0.###} s";
        }
        catch (HttpRequestException ex)
        {
            error = ex.HttpRequestError == HttpRequestError.Unknown ? ex.Message : $"{ex.HttpRequestError}: {ex.Message}";
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException)
        {
            error = ex.Message;
        }

        var duration = time.GetElapsedTime(stopwatch);
        if (error is not null)
        {
            LogAttemptError(evt.Id, attempt, error);
        }

        return new WebhookAttemptResult(token, evt.Id, attempt, started, status, error, duration);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook event {EventId} attempt {Attempt} failed: {Error}")]
    private partial void LogAttemptError(string eventId, int attempt, string error);
}
