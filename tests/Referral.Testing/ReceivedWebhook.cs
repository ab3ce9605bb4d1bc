using System.Text;

namespace Referral.Testing;

/// <summary>One request a <see cref="WebhookReceiver"/> got: method, path, headers, raw body.</summary>
public sealed record ReceivedWebhook(string Method, string Path, IReadOnlyDictionary<string, string> Headers, byte[] Body, DateTimeOffset At)
{
    public string BodyText => Encoding.UTF8.GetString(Body);

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
