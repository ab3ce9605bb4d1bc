using System.Net;
using System.Net.Sockets;
using Microsoft.Net.Http.Headers;
using Referral.Api.Auth;
using Referral.Grains.Abstractions.Referrals;
using Referral.Grains.Accounts;

namespace Referral.Api.Referrals;

/// <summary>
/// Turns what a request reveals (email, device id, user agent, language, address) into the keyed
/// hashes the fraud rules compare: nothing is kept in clear, and the hashes mean nothing without
/// the account key secret. The network is the /24 (IPv4) or /64 (IPv6) prefix, so a household or
/// office shares it.
/// </summary>
public sealed class ReferralSignals(AuthKeys keys)
{
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
        var (device, network, _) = Fingerprints(http);
        return new LinkClick(at, device, network);
    }

    private string DeviceId(string deviceId) => Key("device-id", deviceId.Trim());

    private (string Device, string Network, string NetworkAgent) Fingerprints(HttpContext http)
    {
        var agent = http.Request.Headers[HeaderNames.UserAgent].ToString();
        var language = http.Request.Headers[HeaderNames.AcceptLanguage].ToString();
        var prefix = NetworkPrefix(http.Connection.RemoteIpAddress);
        return (Key("device", agent + "\n" + language), Key("network", prefix), Key("network-agent", prefix + "\n" + agent));
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
