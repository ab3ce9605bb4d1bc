using Referral.Silo.Hosting;

namespace Referral.Silo;

/// <summary>
/// The silo process. An explicit, namespaced entry point (not top-level statements) so it does not
/// collide with the api's global <c>Program</c>, which references this project.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);

        if (args is ["migrate", ..])
        {
            // `dotnet run --project silo -- migrate`: bring the PostgreSQL schema up to date and exit.
            using var loggers = LoggerFactory.Create(l => l.AddConsole());
            return await HostBuilderExtensions.RunMigrateCommandAsync(builder.Configuration, loggers, CancellationToken.None);
        }

        var settings = builder.AddReferralSilo();
        builder.AddReferralHealthChecks(settings, hostsSilo: true);

        var app = builder.Build();
        app.MapReferralHealthChecks();
        await app.RunAsync();
        return 0;
    }
}
