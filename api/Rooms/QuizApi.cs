using Microsoft.AspNetCore.Http.HttpResults;
using Referral.Api.Auth;
using Referral.Api.Infrastructure;
using Referral.Grains.Abstractions.Quiz;

namespace Referral.Api.Rooms;

/// <summary>
/// Quiz authoring for hosts: create, list, read, update, delete, import and export (JSON). A host
/// only ever sees their own quizzes; someone else's quiz answers 404 like a missing one.
/// </summary>
public static class QuizApi
{
    public static IEndpointRouteBuilder MapQuizApi(this IEndpointRouteBuilder app)
    {
        var quizzes = app.MapGroup("/api/quizzes").WithTags("Quizzes").RequireAuthorization(Policies.Host);
        quizzes.MapPost("/", Create).WithName("CreateQuiz");
        quizzes.MapPost("/import", Create).WithName("ImportQuiz");
        quizzes.MapGet("/", List).WithName("ListQuizzes");
        quizzes.MapGet("/{id:guid}", Get).WithName("GetQuiz");
        quizzes.MapGet("/{id:guid}/export", Export).WithName("ExportQuiz");
        quizzes.MapPut("/{id:guid}", Update).WithName("UpdateQuiz");
        quizzes.MapDelete("/{id:guid}", Delete).WithName("DeleteQuiz");
        return app;
    }

    private static async Task<IResult> Create(QuizDefinition? body, HttpContext http, IGrainFactory grains)
    {
        if (body is null)
        {
            return Problems.Field("quiz", "A quiz JSON body is required.");
        }

        var id = Guid.NewGuid();
        var outcome = await grains.GetGrain<IQuizGrain>(id).Create(http.User.UserId(), body);
        return outcome.Ok ? TypedResults.Created($"/api/quizzes/{id}", outcome.Value) : QuizProblems.From(outcome);
    }

    private static async Task<Ok<IReadOnlyList<QuizSummary>>> List(HttpContext http, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IQuizLibraryGrain>(http.User.UserId()).List());

    private static async Task<IResult> Get(Guid id, HttpContext http, IGrainFactory grains)
    {
        var outcome = await grains.GetGrain<IQuizGrain>(id).Get(http.User.UserId());
        return outcome.Ok ? TypedResults.Ok(outcome.Value) : QuizProblems.From(outcome);
    }

    private static async Task<IResult> Export(Guid id, HttpContext http, IGrainFactory grains)
    {
        var outcome = await grains.GetGrain<IQuizGrain>(id).Get(http.User.UserId());
        if (!outcome.Ok)
        {
            return QuizProblems.From(outcome);
        }

        http.Response.Headers.ContentDisposition = $"attachment; filename=\"quiz-{id:N}.json\"";
        return TypedResults.Ok(outcome.Value!.Definition);
    }

    private static async Task<IResult> Update(Guid id, QuizDefinition? body, HttpContext http, IGrainFactory grains)
    {
        if (body is null)
        {
            return Problems.Field("quiz", "A quiz JSON body is required.");
        }

        var outcome = await grains.GetGrain<IQuizGrain>(id).Update(http.User.UserId(), body);
        return outcome.Ok ? TypedResults.Ok(outcome.Value) : QuizProblems.From(outcome);
    }

    private static async Task<IResult> Delete(Guid id, HttpContext http, IGrainFactory grains)
    {
        var outcome = await grains.GetGrain<IQuizGrain>(id).Delete(http.User.UserId());
        return outcome.Ok ? TypedResults.NoContent() : QuizProblems.From(outcome);
    }
}
