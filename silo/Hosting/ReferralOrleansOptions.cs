using System.Net;

namespace Referral.Silo.Hosting;

/// <summary>How this process joins the cluster. Bound from the <c>Orleans</c> section.</summary>
public sealed class ReferralOrleansOptions
{
    public const string Section = "Orleans";

    /// <summary>Silo (host grains) or Client (api front door of a remote cluster). Default: Silo.</summary>
    public OrleansRole Role { get; set; } = OrleansRole.Silo;

    /// <summary>Cluster id shared by every silo and client of one deployment. Default: referral.</summary>
    public string ClusterId { get; set; } = "referral";

    /// <summary>Service id: stable across deployments, it keys grain state and reminders. Default: referral.</summary>
    public string ServiceId { get; set; } = "referral";

    /// <summary>Silo-to-silo port. Default: 11111.</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>Port clients connect to. Default: 30000.</summary>
    public int GatewayPort { get; set; } = 30000;

    /// <summary>
    /// Address other silos and clients reach this silo at (in Kubernetes, the pod IP from the
    /// downward API, also read from POD_IP). Default: 127.0.0.1.
    /// </summary>
    public string? AdvertisedIPAddress { get; set; }

    /// <summary>Listen on every interface instead of only the advertised address. Default: false.</summary>
    public bool ListenOnAnyHostAddress { get; set; }

    internal IPAddress ResolveAdvertisedAddress() =>
        string.IsNullOrWhiteSpace(AdvertisedIPAddress) ? IPAddress.Loopback : IPAddress.Parse(AdvertisedIPAddress);

    /// <summary>Every problem with the settings, each naming the setting; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(ClusterId))
        {
            errors.Add("Orleans:ClusterId must not be empty.");
        }

        if (string.IsNullOrWhiteSpace(ServiceId))
        {
            errors.Add("Orleans:ServiceId must not be empty.");
        }

        if (SiloPort is < 1 or > 65535)
        {
            errors.Add($"Orleans:SiloPort must be a TCP port (1-65535), not {SiloPort}.");
        }

        if (GatewayPort is < 1 or > 65535)
        {
            errors.Add($"Orleans:GatewayPort must be a TCP port (1-65535), not {GatewayPort}.");
        }

        if (SiloPort == GatewayPort)
        {
            errors.Add($"Orleans:SiloPort and Orleans:GatewayPort must differ (both are {SiloPort}).");
        }

        if (!string.IsNullOrWhiteSpace(AdvertisedIPAddress) && !IPAddress.TryParse(AdvertisedIPAddress, out _))
        {
            errors.Add($"Orleans:AdvertisedIPAddress must be an IP address, not '{AdvertisedIPAddress}'.");
        }

        return errors;
    }
}
