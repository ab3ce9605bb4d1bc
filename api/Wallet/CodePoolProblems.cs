using Referral.Api.Infrastructure;
using Referral.Grains.Abstractions.Wallet;

namespace Referral.Api.Wallet;

/// <summary>One ProblemDetails per code-pool error code; the grain's code is the response's <c>code</c>.</summary>
public static class CodePoolProblems
{
    public static IResult From<T>(CodePoolOutcome<T> outcome)
    {
        if (outcome.Error == CodePoolErrors.ValidationFailed && outcome.Fields is { } fields)
        {
            return Problems.Validation(fields.ToDictionary(f => f.Key, f => f.Value));
        }

        var status = outcome.Error switch
        {
            CodePoolErrors.PoolNotFound => StatusCodes.Status404NotFound,
            CodePoolErrors.PoolExists or CodePoolErrors.OutOfStock or CodePoolErrors.IdempotencyConflict => StatusCodes.Status409Conflict,
            _ => StatusCodes.Status400BadRequest,
        };
        return Problems.Status(status, outcome.Error!, outcome.Detail ?? outcome.Error!);
    }
}
