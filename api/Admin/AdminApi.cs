using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Referral.Api.Accounts;
using Referral.Api.Auth;
using Referral.Api.Infrastructure;
using Referral.Grains.Abstractions.Accounts;

namespace Referral.Api.Admin;

/// <summary>User administration for operators: look a user up, set their roles.</summary>
public static class AdminApi
{
    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin").WithTags("Admin")
            .RequireAuthorization(Policies.Admin)
            .RequireRateLimiting(RateLimitPolicies.Authenticated);
        group.MapGet("/users/{id:guid}", GetUser).WithName("AdminGetUser");
        group.MapPut("/users/{id:guid}/roles", SetRoles).WithName("AdminSetRoles");
        return app;
    }

    private static async Task<Results<Ok<UserResponse>, ProblemHttpResult>> GetUser(Guid id, HttpContext http, AccountDirectory accounts)
    {
        var user = await accounts.User(id).Find();
        return user is null
            ? AccountProblems.From(http, AccountErrors.UserNotFound, null)
            : TypedResults.Ok(UserResponse.From(user));
    }

    private static async Task<Results<Ok<UserResponse>, ValidationProblem, ProblemHttpResult>> SetRoles(
        Guid id, RolesRequest body, ClaimsPrincipal principal, HttpContext http, AccountDirectory accounts, SecurityEvents events)
    {
        if (body.Roles is null)
        {
            return Problems.Field("roles", $"Required: the complete list of roles, from {string.Join(", ", Roles.All)}.");
        }

        var unknown = body.Roles.FirstOrDefault(r => !Roles.All.Contains(r, StringComparer.Ordinal));
        if (unknown is not null)
        {
            return Problems.Field("roles", $"Unknown role '{unknown}'. Known: {string.Join(", ", Roles.All)}.", AccountErrors.InvalidRole);
        }

        var actor = principal.UserId();
        if (actor == id && !body.Roles.Contains(Roles.Admin, StringComparer.Ordinal))
        {
            return Problems.Status(StatusCodes.Status409Conflict, ProblemCodes.CannotDemoteSelf,
                "Admins cannot remove their own admin role; ask another admin.");
        }

        var updated = await accounts.User(id).SetRoles(body.Roles);
        if (!updated.Ok)
        {
            return AccountProblems.From(http, updated.Error!, updated.Detail);
        }

        events.RolesChanged(actor, id, string.Join(",", updated.Value!.Roles));
        return TypedResults.Ok(UserResponse.From(updated.Value));
    }
}
