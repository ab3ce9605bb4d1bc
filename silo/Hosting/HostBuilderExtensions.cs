using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Referral.Silo.DataProtection;
using Referral.Silo.Persistence;

namespace Referral.Silo.Hosting;

/// <summary>Puts Orleans into a host in the role and storage mode configuration asks for.</summary>
public static class HostBuilderExtensions
{
    /// <summary>Hosts a silo in this process (the silo project, and the api in single-node mode).</summary>
    public static ReferralSettings AddReferralSilo(this IHostApplicationBuilder builder)
    {
        var settings = ReferralSettings.From(builder.Configuration);
        builder.Services.AddSingleton(settings);

        // Registered before UseOrleans: hosted services start in registration order, and the
        // clustering provider needs its tables before the silo joins.
        builder.Services.AddHostedService<StorageModeStartupService>();
        builder.AddReferralDataProtection(settings);
        // Grain options are read where grains run: a silo process in cluster mode has no api.
        builder.Services.Configure<Referral.Grains.Quiz.QuizOptions>(builder.Configuration.GetSection(Referral.Grains.Quiz.QuizOptions.Section));
        builder.Services.Configure<Referral.Grains.Referrals.ReferralOptions>(builder.Configuration.GetSection(Referral.Grains.Referrals.ReferralOptions.Section));
        builder.Services.AddReferralWebhooks(builder.Configuration);
        builder.UseOrleans(silo => silo.ConfigureReferralSilo(settings));
        return settings;
    }

    /// <summary>The api: a co-hosted silo, or a client of a remote cluster when Orleans:Role is Client.</summary>
    public static ReferralSettings AddReferralOrleans(this IHostApplicationBuilder builder)
    {
        var settings = ReferralSettings.From(builder.Configuration);
        if (settings.Orleans.Role == OrleansRole.Silo)
        {
            return builder.AddReferralSilo();
        }

        builder.Services.AddSingleton(settings);
        builder.UseOrleansClient(client => client
            .ConfigureReferralClient(settings)
            .UseConnectionRetryFilter<GatewayRetryFilter>());
        return settings;
    }

    /// <summary>The <c>migrate</c> command: applies the PostgreSQL schema and exits.</summary>
    public static async Task<int> RunMigrateCommandAsync(IConfiguration configuration, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger("Referral.Migrate");
        var connectionString = configuration.GetConnectionString(ReferralSettings.ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            logger.LogError("ConnectionStrings:Referral is not set: nothing to migrate.");
            return 2;
        }

        var applied = await PostgresSchema.ApplyAsync(connectionString, logger, cancellationToken);
        var version = await PostgresSchema.CurrentVersionAsync(connectionString, cancellationToken);
        logger.LogInformation("Schema at version {Version}; {Applied} migration(s) applied now.", version, applied);
        return 0;
    }
}
