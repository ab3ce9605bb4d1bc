using System.Globalization;
using System.Net;

namespace Referral.Api.Infrastructure;

/// <summary>Transport security. Bound from the <c>Security</c> section.</summary>
public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>
    /// Redirect HTTP to HTTPS and send HSTS. Default: true outside the Development environment.
    /// Set false only where TLS cannot reach this process at all (tests on loopback); behind an
    /// ingress that ends TLS, keep it on and list the ingress in <see cref="KnownProxies"/> or
    /// <see cref="KnownNetworks"/> so its X-Forwarded-Proto is believed.
    /// </summary>
    public bool? RequireHttps { get; set; }

    /// <summary>The port HTTPS redirects point at. Default: 443.</summary>
    public int HttpsPort { get; set; } = 443;

    /// <summary>HSTS max-age. Default: 365 days.</summary>
    public TimeSpan HstsMaxAge { get; set; } = TimeSpan.FromDays(365);

    /// <summary>Proxy addresses whose X-Forwarded-For/-Proto are believed. Default: none (loopback only).</summary>
    public IList<string> KnownProxies { get; } = [];

    /// <summary>Proxy networks in CIDR form (10.0.0.0/8) whose X-Forwarded-For/-Proto are believed. Default: none (loopback only).</summary>
    public IList<string> KnownNetworks { get; } = [];

    /// <summary>The effective <see cref="RequireHttps"/>.</summary>
    public bool HttpsRequired(IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return RequireHttps ?? !environment.IsDevelopment();
    }

    /// <summary>Every problem with the settings, each naming the setting; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (HttpsPort is < 1 or > 65535)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"Security:HttpsPort must be a TCP port (1-65535), not {HttpsPort}."));
        }

        if (HstsMaxAge < TimeSpan.Zero)
        {
            errors.Add($"Security:HstsMaxAge must not be negative, not {HstsMaxAge}.");
        }

        for (var i = 0; i < KnownProxies.Count; i++)
        {
            if (!IPAddress.TryParse(KnownProxies[i], out _))
            {
                errors.Add(string.Create(CultureInfo.InvariantCulture, $"Security:KnownProxies:{i} must be an IP address, not '{KnownProxies[i]}'."));
            }
        }

        for (var i = 0; i < KnownNetworks.Count; i++)
        {
            if (!IPNetwork.TryParse(KnownNetworks[i], out _))
            {
                errors.Add(string.Create(CultureInfo.InvariantCulture, $"Security:KnownNetworks:{i} must be a network in CIDR form like 10.0.0.0/8, not '{KnownNetworks[i]}'."));
            }
        }

        return errors;
    }
}
