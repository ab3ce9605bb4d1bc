using Referral.Api.Infrastructure;
using Referral.Grains.Abstractions.Wheel;

namespace Referral.Api.Wheel;

/// <summary>One ProblemDetails per wheel error code; the grain's code is the response's <c>code</c>.</summary>
public static class WheelProblems
{
    public static IResult From<T>(WheelOutcome<T> outcome)
    {
        if (outcome.Error == WheelErrors.ValidationFailed && outcome.Fields is { } fields)
        {
            return Problems.Validation(fields.ToDictionary(f => f.Key, f => f.Value));
        }

        var status = outcome.Error switch
        {
            WheelErrors.WheelNotFound => StatusCodes.Status404NotFound,
            WheelErrors.SpinPending => StatusCodes.Status503ServiceUnavailable,
            WheelErrors.WheelExists or WheelErrors.WheelClosed or WheelErrors.WheelEmpty or WheelErrors.DailyLimitReached
                or WheelErrors.InsufficientSpins or WheelErrors.IdempotencyConflict => StatusCodes.Status409Conflict,
            _ => StatusCodes.Status400BadRequest,
        };
        return Problems.Status(status, outcome.Error!, outcome.Detail ?? outcome.Error!);
    }

    public static IResult NotFound() => Problems.Status(StatusCodes.Status404NotFound, WheelErrors.WheelNotFound, "No such wheel.");
}
