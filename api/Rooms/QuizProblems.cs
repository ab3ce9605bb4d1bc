using Microsoft.AspNetCore.Http.HttpResults;
using Referral.Api.Infrastructure;
using Referral.Grains.Abstractions.Quiz;

namespace Referral.Api.Rooms;

/// <summary>One ProblemDetails per quiz and room error code; the grain's code is the response's <c>code</c>.</summary>
public static class QuizProblems
{
    public static IResult From<T>(QuizOutcome<T> outcome)
    {
        if (outcome.Error == QuizErrors.ValidationFailed && outcome.Fields is { } fields)
        {
            return Problems.Validation(fields.ToDictionary(f => f.Key, f => f.Value));
        }

        var status = outcome.Error switch
        {
            QuizErrors.QuizNotFound or QuizErrors.RoomNotFound => StatusCodes.Status404NotFound,
            QuizErrors.NotOwner or QuizErrors.NotHost => StatusCodes.Status403Forbidden,
            QuizErrors.QuizExists or QuizErrors.WrongPhase => StatusCodes.Status409Conflict,
            _ => StatusCodes.Status400BadRequest,
        };
        return Problems.Status(status, outcome.Error!, outcome.Detail ?? outcome.Error!);
    }

    public static ProblemHttpResult NotFound(string code, string detail) => Problems.Status(StatusCodes.Status404NotFound, code, detail);
}
