using Microsoft.AspNetCore.Http.HttpResults;

namespace Referral.Api.Infrastructure;

/// <summary>Builders for the ProblemDetails responses handlers return.</summary>
public static class Problems
{
    /// <summary>400 naming every invalid field, with the stable code <c>validation_failed</c> unless another is given.</summary>
    public static ValidationProblem Validation(IDictionary<string, string[]> errors, string? detail = null, string code = ProblemCodes.ValidationFailed) =>
        TypedResults.ValidationProblem(
            errors,
            detail: detail,
            title: "One or more fields are invalid.",
            extensions: new Dictionary<string, object?> { ["code"] = code });

    /// <summary>400 for one invalid field.</summary>
    public static ValidationProblem Field(string field, string message, string code = ProblemCodes.ValidationFailed) =>
        Validation(new Dictionary<string, string[]> { [field] = [message] }, code: code);

    /// <summary>Any other error: a status, a stable code and a sentence for people.</summary>
    public static ProblemHttpResult Status(int status, string code, string title, string? detail = null) =>
        TypedResults.Problem(
            detail: detail,
            statusCode: status,
            title: title,
            extensions: new Dictionary<string, object?> { ["code"] = code });
}
