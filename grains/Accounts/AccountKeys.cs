using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Referral.Grains.Accounts;

/// <summary>
/// Grain keys for things a person types or a device sends (an email, a device id): a keyed hash
/// (HMAC-SHA256 under a secret from configuration), so no grain key, storage row, log line or
/// metric label ever carries the email in clear, and the keys cannot be recomputed from a
/// leaked list of emails without the secret.
/// </summary>
public static class AccountKeys
{
    /// <summary>The minimum secret length: a 256-bit HMAC key.</summary>
    public const int MinimumSecretBytes = 32;

    /// <summary>
    /// Trim, Unicode NFKC, lower-case (invariant). Addresses are not otherwise rewritten: dots and
    /// plus-tags are meaningful to many providers, and guessing would merge distinct people.
    /// </summary>
    public static string NormalizeEmail(string email) =>
        email.Trim().Normalize(NormalizationForm.FormKC).ToLower(CultureInfo.InvariantCulture);

    /// <summary>The account grain key of an email: "e-" + base64url(HMAC(secret, normalised email)).</summary>
    public static string ForEmail(ReadOnlySpan<byte> secret, string email) => Keyed("e-", secret, "email:" + NormalizeEmail(email));

    /// <summary>The device grain key of a guest device id.</summary>
    public static string ForDevice(ReadOnlySpan<byte> secret, string deviceId) => Keyed("d-", secret, "device:" + deviceId.Trim());

    /// <summary>
    /// The user id of a device's <paramref name="generation"/>-th guest (0 first): a keyed hash of
    /// the device id shaped as a version 8 UUID, so a device's guest is found by computing its id,
    /// with no lookup. A device gets its next generation when the previous guest became an email
    /// account or was deleted.
    /// </summary>
    public static Guid ForGuest(ReadOnlySpan<byte> secret, string deviceId, int generation)
    {
        ArgumentNullException.ThrowIfNull(deviceId);
        ArgumentOutOfRangeException.ThrowIfNegative(generation);
        Span<byte> mac = stackalloc byte[32];
        Mac(secret, string.Create(CultureInfo.InvariantCulture, $"guest:{generation}:{deviceId.Trim()}"), mac);
        mac[6] = (byte)((mac[6] & 0x0F) | 0x80); // version 8 (RFC 9562: custom)
        mac[8] = (byte)((mac[8] & 0x3F) | 0x80); // variant 10
        return new Guid(mac[..16], bigEndian: true);
    }

    /// <summary>
    /// A keyed hash of a fraud signal (a fraud-normalised email, a device fingerprint, a network
    /// prefix): comparable between users, meaningless without the secret.
    /// </summary>
    public static string ForSignal(ReadOnlySpan<byte> secret, string kind, string value) => Keyed("s-", secret, kind + ":" + value);

    private static string Keyed(string prefix, ReadOnlySpan<byte> secret, string value)
    {
        Span<byte> mac = stackalloc byte[32];
        Mac(secret, value, mac);
        return prefix + Convert.ToBase64String(mac).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    private static void Mac(ReadOnlySpan<byte> secret, string value, Span<byte> mac)
    {
        if (secret.Length < MinimumSecretBytes)
        {
            throw new ArgumentException($"The account key secret must be at least {MinimumSecretBytes} bytes.", nameof(secret));
        }

        HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes(value), mac);
    }
}
