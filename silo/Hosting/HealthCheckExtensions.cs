using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace Referral.Silo.Hosting;

/// <summary><c>/health/live</c> (the process answers) and <c>/health/ready</c> (it can serve).</summary>
public static class HealthCheckExtensions
{
    private const string ReadyTag = "ready";

    public static IHostApplicationBuilder AddReferralHealthChecks(this IHostApplicationBuilder builder, ReferralSettings settings, bool hostsSilo)
    {
        var checks = builder.Services.AddHealthChecks();
        if (hostsSilo)
        {
            checks.AddCheck<SiloJoinedHealthCheck>("orleans-silo", tags: [ReadyTag]);
        }
        else
        {
            checks.AddCheck<ClusterClientHealthCheck>("orleans-client", tags: [ReadyTag]);
        }

        if (settings.IsDurable)
        {
            builder.Services.AddSingleton(new PostgresHealthCheck(settings.ConnectionString!));
            checks.AddCheck<PostgresHealthCheck>("postgresql", tags: [ReadyTag]);
        }

        return builder;
    }

    public static IEndpointRouteBuilder MapReferralHealthChecks(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteJson });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = r => r.Tags.Contains(ReadyTag), ResponseWriter = WriteJson });
        return app;
    }

    private static Task WriteJson(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, JsonSerializerOptions.Web));
    }
}
