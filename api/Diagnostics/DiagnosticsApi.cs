using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Referral.Api.Auth;
using Referral.Api.Infrastructure;
using Referral.Grains.Abstractions.Diagnostics;

namespace Referral.Api.Diagnostics;

/// <summary>
/// Operator probes: write a value to a persisted grain and read it back from whichever silo hosts
/// it now — the post-deployment smoke test, and how the failover test proves state survives.
/// </summary>
public static partial class DiagnosticsApi
{
    public const int MaxValueLength = 256;

    public static IEndpointRouteBuilder MapDiagnosticsApi(this IEndpointRouteBuilder app)
    {
        // Operators only: the probes write grain state and the cluster view names every silo.
        var group = app.MapGroup("/api/diagnostics").WithTags("Diagnostics")
            .RequireAuthorization(Policies.Admin)
            .RequireRateLimiting(RateLimitPolicies.Authenticated);
        group.MapPut("/probes/{key}", WriteProbe).WithName("WriteProbe");
        group.MapGet("/probes/{key}", ReadProbe).WithName("ReadProbe");
        group.MapGet("/cluster", ClusterHosts).WithName("ClusterHosts");
        return app;
    }

    private static async Task<Results<Ok<ProbeView>, ValidationProblem>> WriteProbe(string key, ProbeWrite body, IGrainFactory grains)
    {
        var errors = new Dictionary<string, string[]>();
        if (!ProbeKey().IsMatch(key))
        {
            errors["key"] = ["1-64 characters: lower-case letters, digits and '-', starting with a letter or digit."];
        }

        if (body.Value is null)
        {
            errors["value"] = ["Required."];
        }
        else if (body.Value.Length > MaxValueLength)
        {
            errors["value"] = [$"At most {MaxValueLength} characters."];
        }

        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        return TypedResults.Ok(await grains.GetGrain<IProbeGrain>(key).Write(body.Value!));
    }

    private static async Task<Results<Ok<ProbeView>, ValidationProblem>> ReadProbe(string key, IGrainFactory grains)
    {
        if (!ProbeKey().IsMatch(key))
        {
            return Problems.Field("key", "1-64 characters: lower-case letters, digits and '-', starting with a letter or digit.");
        }

        return TypedResults.Ok(await grains.GetGrain<IProbeGrain>(key).Read());
    }

    private static async Task<Ok<ClusterView>> ClusterHosts(IGrainFactory grains)
    {
        var hosts = await grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: false);
        var silos = hosts
            .Select(h => new SiloView(h.Key.ToString(), h.Value.ToString()))
            .OrderBy(s => s.Address, StringComparer.Ordinal)
            .ToList();
        return TypedResults.Ok(new ClusterView(silos));
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$")]
    private static partial Regex ProbeKey();
}
