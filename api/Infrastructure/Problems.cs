using Microsoft.AspNetCore.Http.HttpResults;

namespace Referral.Api.Infrastructure;

/// <summary>Builders for the ProblemDetails responses handlers return.</summary>
public static class Problems
{
    /// <summary>400 naming every invalid field, with the stable code <c>validation_failed</c>.</summary>
    public static ValidationProblem Validation(IDictionary<string, string[]> errors, string? detail = null) =>
        TypedResults.ValidationProblem(
            errors,
            detail: detail,
            title: "One or more fields are invalid.",
            extensions: new Dictionary<string, object?> { ["code"] = ProblemCodes.ValidationFailed });

    /// <summary>400 for one invalid field.</summary>
    public static ValidationProblem Field(string field, string message) =>
        Validation(new Dictionary<string, string[]> { [field] = [message] });
}
