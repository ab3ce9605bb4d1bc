using Referral.Api.Auth;
using Referral.Api.Infrastructure;
using Referral.Grains.Abstractions.Operations;

namespace Referral.Api.Operations;

/// <summary>The live operations view for admins: <c>GET /api/admin/ops</c>.</summary>
public static class OperationsApi
{
    public static IEndpointRouteBuilder MapOperationsApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/admin/ops").WithTags("Admin")
            .RequireAuthorization(Policies.Admin)
            .RequireRateLimiting(RateLimitPolicies.Authenticated)
            .MapGet("", Get).WithName("AdminOperations");
        return app;
    }

    private static async Task<OperationsView> Get(OperationsReporter reporter, IGrainFactory grains, CancellationToken cancellationToken)
    {
        // This node's figures go first, so the node answering is exact; the others are at most one report interval old.
        await reporter.FlushAsync(cancellationToken);
        return await grains.GetGrain<IOperationsGrain>(0).View();
    }
}
