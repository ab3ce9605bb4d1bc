using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Referral.Grains.Referrals.Webhooks;

/// <summary>
/// The signature every webhook request carries in <see cref="HeaderName"/>:
/// <c>t=&lt;unix seconds&gt;,v1=&lt;lower-case hex HMAC-SHA256(secret, "&lt;t&gt;.&lt;body&gt;")&gt;</c>.
/// The timestamp is signed with the body, so a captured request cannot be replayed once it is
/// older than the receiver's tolerance. Receivers verify with <see cref="Verify(string, string?, string, DateTimeOffset, TimeSpan)"/>.
/// </summary>
public static class WebhookSignature
{
    public const string HeaderName = "Referral-Signature";
    public const string EventIdHeader = "Referral-Event-Id";
    public const string EventTypeHeader = "Referral-Event-Type";

    /// <summary>The attempt number (1 for the first delivery), so receivers can see retries.</summary>
    public const string AttemptHeader = "Referral-Delivery-Attempt";

    /// <summary>A tolerance receivers may use: five minutes either side of their clock.</summary>
    public static readonly TimeSpan DefaultTolerance = TimeSpan.FromMinutes(5);

    private const string SchemeVersion = "v1";

    /// <summary>The header value for <paramref name="body"/> sent at <paramref name="at"/>.</summary>
    public static string Sign(string secret, string body, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(body);
        return Sign(secret, Encoding.UTF8.GetBytes(body), at.ToUnixTimeSeconds());
    }

    /// <summary>The header value for the raw <paramref name="body"/> bytes at unix time <paramref name="timestamp"/>.</summary>
    public static string Sign(string secret, ReadOnlySpan<byte> body, long timestamp)
    {
        var t = timestamp.ToString(CultureInfo.InvariantCulture);
        return $"t={t},{SchemeVersion}={Convert.ToHexStringLower(Mac(secret, t, body))}";
    }

    /// <summary>
    /// True when <paramref name="header"/> carries a <c>v1</c> signature of <paramref name="body"/>
    /// under <paramref name="secret"/> and its timestamp is within <paramref name="tolerance"/> of
    /// <paramref name="now"/>. Signatures are compared in constant time.
    /// </summary>
    public static bool Verify(string secret, string? header, string body, DateTimeOffset now, TimeSpan tolerance)
    {
        ArgumentNullException.ThrowIfNull(body);
        return Verify(secret, header, Encoding.UTF8.GetBytes(body), now, tolerance);
    }

    /// <summary>As <see cref="Verify(string, string?, string, DateTimeOffset, TimeSpan)"/>, over the raw body bytes as received.</summary>
    public static bool Verify(string secret, string? header, ReadOnlySpan<byte> body, DateTimeOffset now, TimeSpan tolerance)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        if (string.IsNullOrEmpty(header))
        {
            return false;
        }

        string? t = null;
        var candidates = new List<string>(1);
        foreach (var part in header.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                continue;
            }

            var key = part[..equals];
            var value = part[(equals + 1)..];
            if (key == "t")
            {
                t = value;
            }
            else if (key == SchemeVersion)
            {
                candidates.Add(value);
            }
        }

        if (t is null || candidates.Count == 0
            || !long.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            return false;
        }

        var age = now - DateTimeOffset.FromUnixTimeSeconds(seconds);
        if (age.Duration() > tolerance)
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Convert.ToHexStringLower(Mac(secret, t, body)));
        var matched = false;
        foreach (var candidate in candidates)
        {
            // Every candidate is compared, in constant time, so timing says nothing about which matched.
            matched |= CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(candidate));
        }

        return matched;
    }

    private static byte[] Mac(string secret, string timestamp, ReadOnlySpan<byte> body)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        var prefix = Encoding.UTF8.GetBytes(timestamp + ".");
        var message = new byte[prefix.Length + body.Length];
        prefix.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(prefix.Length));
        return HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), message);
    }
}
