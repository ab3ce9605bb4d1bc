using Referral.Api.Auth;
using Referral.Api.Infrastructure;
using Referral.Grains.Abstractions.Catalog;
using Referral.Grains.Abstractions.Wallet;
using Referral.Grains.Abstractions.Wheel;
using Referral.Grains.Catalog;

namespace Referral.Api.Wheel;

/// <summary>Wheels for operators: create, list, read (with stock and odds), replace, remove.</summary>
public static class WheelsAdminApi
{
    public static IEndpointRouteBuilder MapWheelsAdminApi(this IEndpointRouteBuilder app)
    {
        var wheels = app.MapGroup("/api/admin/wheels").WithTags("Wheels (admin)")
            .RequireAuthorization(Policies.Admin)
            .RequireRateLimiting(RateLimitPolicies.Authenticated);
        wheels.MapPost("/", Create).WithName("CreateWheel");
        wheels.MapGet("/", List).WithName("AdminListWheels");
        wheels.MapGet("/{id}", Get).WithName("AdminGetWheel");
        wheels.MapPut("/{id}", Update).WithName("UpdateWheel");
        wheels.MapDelete("/{id}", Delete).WithName("DeleteWheel");
        return app;
    }

    private static async Task<IResult> Create(WheelRequest? body, IGrainFactory grains)
    {
        if (body is null || !Slugs.IsValid(body.Id))
        {
            return Problems.Field("id", Slugs.Rule);
        }

        var definition = body.ToDefinition();
        if (await MissingPools(definition, grains) is { } missing)
        {
            return missing;
        }

        var outcome = await grains.GetGrain<IWheelGrain>(body.Id).Create(definition);
        if (!outcome.Ok)
        {
            return WheelProblems.From(outcome);
        }

        await grains.GetGrain<ICatalogGrain>(CatalogKeys.Wheels).Add(body.Id);
        return TypedResults.Created($"/api/admin/wheels/{body.Id}", outcome.Value);
    }

    private static async Task<IResult> List(IGrainFactory grains)
    {
        var ids = await grains.GetGrain<ICatalogGrain>(CatalogKeys.Wheels).List();
        var views = await Task.WhenAll(ids.Select(id => grains.GetGrain<IWheelGrain>(id).View().AsTask()));
        return TypedResults.Ok(views.Where(v => v.Ok).Select(v => v.Value!).ToList());
    }

    private static async Task<IResult> Get(string id, IGrainFactory grains)
    {
        if (!Slugs.IsValid(id))
        {
            return WheelProblems.NotFound();
        }

        var outcome = await grains.GetGrain<IWheelGrain>(id).View();
        return outcome.Ok ? TypedResults.Ok(outcome.Value) : WheelProblems.From(outcome);
    }

    private static async Task<IResult> Update(string id, WheelRequest? body, IGrainFactory grains)
    {
        if (!Slugs.IsValid(id))
        {
            return WheelProblems.NotFound();
        }

        if (body is null)
        {
            return Problems.Field("wheel", "A wheel definition is required.");
        }

        var definition = body.ToDefinition();
        if (await MissingPools(definition, grains) is { } missing)
        {
            return missing;
        }

        var outcome = await grains.GetGrain<IWheelGrain>(id).Update(definition);
        return outcome.Ok ? TypedResults.Ok(outcome.Value) : WheelProblems.From(outcome);
    }

    private static async Task<IResult> Delete(string id, IGrainFactory grains)
    {
        if (!Slugs.IsValid(id))
        {
            return WheelProblems.NotFound();
        }

        var outcome = await grains.GetGrain<IWheelGrain>(id).Delete();
        if (!outcome.Ok)
        {
            return WheelProblems.From(outcome);
        }

        await grains.GetGrain<ICatalogGrain>(CatalogKeys.Wheels).Remove(id);
        return TypedResults.NoContent();
    }

    /// <summary>A code prize must name a pool that exists (its stock may be zero: it then drops out of the odds at the first draw).</summary>
    private static async Task<IResult?> MissingPools(WheelDefinition definition, IGrainFactory grains)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        for (var i = 0; i < definition.Segments.Count; i++)
        {
            if (definition.Segments[i]?.Prize is { Kind: PrizeKind.Code, PoolId: { } poolId } && Slugs.IsValid(poolId)
                && !(await grains.GetGrain<ICodePoolGrain>(poolId).View()).Ok)
            {
                errors[$"segments[{i}].prize.poolId"] = [$"No code pool '{poolId}'."];
            }
        }

        return errors.Count == 0 ? null : Problems.Validation(errors);
    }
}
