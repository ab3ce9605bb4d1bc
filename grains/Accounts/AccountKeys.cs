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
    /// A keyed hash of a fraud signal (a fraud-normalised email, a device fingerprint, a network
    /// prefix): comparable between users, meaningless without the secret.
    /// </summary>
    public static string ForSignal(ReadOnlySpan<byte> secret, string kind, string value) => Keyed("s-", secret, kind + ":" + value);

    private static string Keyed(string prefix, ReadOnlySpan<byte> secret, string value)
    {
        if (secret.Length < MinimumSecretBytes)
        {
            throw new ArgumentException($"The account key secret must be at least {MinimumSecretBytes} bytes.", nameof(secret));
        }

        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes(value), mac);
        return prefix + Convert.ToBase64String(mac).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }
}
