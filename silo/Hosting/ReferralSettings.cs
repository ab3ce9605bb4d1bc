using Microsoft.Extensions.Configuration;

namespace Referral.Silo.Hosting;

/// <summary>
/// Everything that chooses the topology, read once from configuration and validated together, so
/// a bad deployment stops at start-up with every wrong setting named instead of failing later.
/// </summary>
public sealed class ReferralSettings
{
    /// <summary>Name of the PostgreSQL connection string (ConnectionStrings__Referral).</summary>
    public const string ConnectionStringName = "Referral";

    public required ReferralOrleansOptions Orleans { get; init; }

    public required ReferralStreamingOptions Streaming { get; init; }

    /// <summary>PostgreSQL connection string; null means memory storage (not durable).</summary>
    public string? ConnectionString { get; init; }

    public bool IsDurable => !string.IsNullOrWhiteSpace(ConnectionString);

    public static ReferralSettings From(IConfiguration configuration)
    {
        var orleans = configuration.GetSection(ReferralOrleansOptions.Section).Get<ReferralOrleansOptions>() ?? new();
        var podIp = configuration["POD_IP"];
        if (string.IsNullOrWhiteSpace(orleans.AdvertisedIPAddress) && !string.IsNullOrWhiteSpace(podIp))
        {
            orleans.AdvertisedIPAddress = podIp;
        }

        var settings = new ReferralSettings
        {
            Orleans = orleans,
            Streaming = configuration.GetSection(ReferralStreamingOptions.Section).Get<ReferralStreamingOptions>() ?? new(),
            ConnectionString = configuration.GetConnectionString(ConnectionStringName),
        };

        var errors = settings.Orleans.Validate().Concat(settings.Streaming.Validate()).ToList();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException(
                "Invalid configuration, start-up stopped:" + Environment.NewLine + string.Join(Environment.NewLine, errors.Select(e => " - " + e)));
        }

        return settings;
    }
}
