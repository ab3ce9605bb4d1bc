using System.Text.Json;
using Referral.Grains.Abstractions.Referrals.Webhooks;

namespace Referral.Grains.Referrals.Webhooks;

/// <summary>What a webhook endpoint and an event must look like; shared by the grain and the admin api.</summary>
public static class WebhookRules
{
    public const int MaxUrlLength = 2048;
    public const int MinSecretLength = 16;
    public const int MaxSecretLength = 256;
    public const int MaxEventIdLength = 200;
    public const int MaxEventTypeLength = 100;

    /// <summary>The body's <c>data</c>: referral events are a few hundred bytes; this bounds grain state.</summary>
    public const int MaxDataLength = 16 * 1024;

    /// <summary>Null when <paramref name="url"/> is an absolute http/https URL without credentials or fragment, else why not.</summary>
    public static string? CheckUrl(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return "Required: the absolute http or https URL events are POSTed to.";
        }

        if (url.Length > MaxUrlLength)
        {
            return $"At most {MaxUrlLength} characters.";
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            || string.IsNullOrEmpty(uri.Host) || !string.Equals(url, url.Trim(), StringComparison.Ordinal))
        {
            return "An absolute http or https URL, like https://hooks.example.com/referrals.";
        }

        if (uri.UserInfo.Length > 0)
        {
            return "Credentials do not belong in the URL: requests are authenticated by their signature.";
        }

        return uri.Fragment.Length > 0 ? "A URL without a #fragment (it is never sent)." : null;
    }

    /// <summary>Null when <paramref name="secret"/> is 16–256 printable ASCII characters without spaces, else why not.</summary>
    public static string? CheckSecret(string? secret)
    {
        if (string.IsNullOrEmpty(secret))
        {
            return "Required: the secret signatures are keyed with.";
        }

        return secret.Length is < MinSecretLength or > MaxSecretLength || !secret.All(c => c is > ' ' and < (char)127)
            ? $"{MinSecretLength} to {MaxSecretLength} printable ASCII characters without spaces; a random one of 32 or more is best."
            : null;
    }

    /// <summary>Null when the event can be delivered as it is, else why not.</summary>
    public static string? CheckEvent(WebhookEvent? evt)
    {
        if (evt is null)
        {
            return "An event is required.";
        }

        if (string.IsNullOrEmpty(evt.Id) || evt.Id.Length > MaxEventIdLength || !evt.Id.All(c => c is > ' ' and < (char)127))
        {
            return $"The event id must be 1 to {MaxEventIdLength} printable ASCII characters without spaces (it is sent in a header).";
        }

        if (string.IsNullOrEmpty(evt.Type) || evt.Type.Length > MaxEventTypeLength || !evt.Type.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '.' or '_' or '-'))
        {
            return $"The event type must be 1 to {MaxEventTypeLength} characters of a-z, 0-9, '.', '_' and '-'.";
        }

        if (evt.DataJson is null || evt.DataJson.Length > MaxDataLength)
        {
            return $"The event data must be one JSON value of at most {MaxDataLength} characters.";
        }

        try
        {
            using var document = JsonDocument.Parse(evt.DataJson);
            return null;
        }
        catch (JsonException)
        {
            return "The event data is not one valid JSON value.";
        }
    }
}
