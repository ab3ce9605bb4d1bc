using System.Net;
using System.Net.Sockets;
using Microsoft.Net.Http.Headers;
using Referral.Api.Auth;
using Referral.Grains.Abstractions.Referrals;
using Referral.Grains.Accounts;

namespace Referral.Api.Referrals;

/// <summary>
/// Turns what a request reveals (email, install id, the client's device fingerprint header, user
/// agent, address) into the keyed hashes the fraud rules compare: nothing is kept in clear, and
/// the hashes mean nothing without the account key secret. The network is the /24 (IPv4) or /64
/// (IPv6) prefix, so a household or office shares it. A user agent alone is no device fingerprint
/// (thousands share one), so the device rule only uses what the client computes and sends in
/// <see cref="FingerprintHeader"/>.
/// </summary>
public sealed class ReferralSignals(AuthKeys keys)
{
    public const string FingerprintHeader = "X-Client-Fingerprint";
    public const int MaxFingerprintLength = 128;

    public SignupContext Signup(HttpContext http, string displayName, string? email, string? deviceId, string? referralCode)
    {
        var (device, network, networkAgent) = Fingerprints(http);
        return new SignupContext(
            displayName,
            referralCode,
            email is null ? null : Key("email", FraudEmail.Normalize(email)),
            email is not null && FraudEmail.IsDisposable(email),
            string.IsNullOrWhiteSpace(deviceId) ? null : DeviceId(deviceId),
            device,
            network,
            networkAgent);
    }

    public SeenContext Seen(HttpContext http, string? deviceId)
    {
        var (device, _, networkAgent) = Fingerprints(http);
        return new SeenContext(device, networkAgent, string.IsNullOrWhiteSpace(deviceId) ? null : DeviceId(deviceId));
    }

    public LinkClick Click(HttpContext http, DateTimeOffset at)
    {
        var (_, network, networkAgent) = Fingerprints(http);
        return new LinkClick(at, networkAgent, network);
    }

    private string DeviceId(string deviceId) => Key("device-id", deviceId.Trim());

    private (string? Device, string Network, string NetworkAgent) Fingerprints(HttpContext http)
    {
        var agent = http.Request.Headers[HeaderNames.UserAgent].ToString();
        var fingerprint = http.Request.Headers[FingerprintHeader].ToString().Trim();
        var prefix = NetworkPrefix(http.Connection.RemoteIpAddress);
        var device = fingerprint.Length is > 0 and <= MaxFingerprintLength ? Key("device", fingerprint) : null;
        return (device, Key("network", prefix), Key("network-agent", prefix + "\n" + agent));
    }

    /// <summary>The /24 of an IPv4 address (IPv4-mapped included) or the /64 of an IPv6 one.</summary>
    public static string NetworkPrefix(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        var bytes = address.GetAddressBytes();
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            bytes[3] = 0;
        }
        else
        {
            Array.Clear(bytes, 8, 8);
        }

        return new IPAddress(bytes).ToString();
    }

    private string Key(string kind, string value) => AccountKeys.ForSignal(keys.AccountKeySecret, kind, value);
}
