using Referral.Api.Auth;
using Referral.Api.Infrastructure;
using Referral.Grains.Abstractions.Catalog;
using Referral.Grains.Abstractions.Wallet;
using Referral.Grains.Abstractions.Wheel;
using Referral.Grains.Catalog;

namespace Referral.Api.Wallet;

/// <summary>Reward code pools for operators: create, list, read counts, add codes. Codes never leave through here.</summary>
public static class CodePoolsApi
{
    public static IEndpointRouteBuilder MapCodePoolsApi(this IEndpointRouteBuilder app)
    {
        var pools = app.MapGroup("/api/admin/code-pools").WithTags("Code pools")
            .RequireAuthorization(Policies.Admin)
            .RequireRateLimiting(RateLimitPolicies.Authenticated);
        pools.MapPost("/", Create).WithName("CreateCodePool");
        pools.MapGet("/", List).WithName("ListCodePools");
        pools.MapGet("/{id}", Get).WithName("GetCodePool");
        pools.MapPost("/{id}/codes", AddCodes).WithName("AddCodes");
        return app;
    }

    private static async Task<IResult> Create(CreateCodePoolRequest? body, IGrainFactory grains)
    {
        if (body is null || !Slugs.IsValid(body.Id))
        {
            return Problems.Field("id", Slugs.Rule);
        }

        var outcome = await grains.GetGrain<ICodePoolGrain>(body.Id).Create(body.Name ?? "", body.Description);
        if (!outcome.Ok)
        {
            return CodePoolProblems.From(outcome);
        }

        // Listed after it exists: a crash in between leaves a pool that the next create lists.
        await grains.GetGrain<ICatalogGrain>(CatalogKeys.CodePools).Add(body.Id);
        return TypedResults.Created($"/api/admin/code-pools/{body.Id}", outcome.Value);
    }

    private static async Task<IResult> List(IGrainFactory grains)
    {
        var ids = await grains.GetGrain<ICatalogGrain>(CatalogKeys.CodePools).List();
        var views = await Task.WhenAll(ids.Select(id => grains.GetGrain<ICodePoolGrain>(id).View().AsTask()));
        return TypedResults.Ok(views.Where(v => v.Ok).Select(v => v.Value!).ToList());
    }

    private static async Task<IResult> Get(string id, IGrainFactory grains)
    {
        if (!Slugs.IsValid(id))
        {
            return Problems.Status(StatusCodes.Status404NotFound, CodePoolErrors.PoolNotFound, "No such code pool.");
        }

        var outcome = await grains.GetGrain<ICodePoolGrain>(id).View();
        return outcome.Ok ? TypedResults.Ok(outcome.Value) : CodePoolProblems.From(outcome);
    }

    private static async Task<IResult> AddCodes(string id, AddCodesRequest? body, IGrainFactory grains)
    {
        if (!Slugs.IsValid(id))
        {
            return Problems.Status(StatusCodes.Status404NotFound, CodePoolErrors.PoolNotFound, "No such code pool.");
        }

        if (body?.Codes is null)
        {
            return Problems.Field("codes", "A list of codes is required.");
        }

        var outcome = await grains.GetGrain<ICodePoolGrain>(id).AddCodes(body.Codes);
        if (!outcome.Ok)
        {
            return CodePoolProblems.From(outcome);
        }

        if (outcome.Value!.Added > 0)
        {
            // Wheels whose code segments ran dry on this pool put them back into the draw.
            var wheels = await grains.GetGrain<ICatalogGrain>(CatalogKeys.Wheels).List();
            await Task.WhenAll(wheels.Select(w => grains.GetGrain<IWheelGrain>(w).PoolRestocked(id).AsTask()));
        }

        return TypedResults.Ok(outcome.Value);
    }
}
