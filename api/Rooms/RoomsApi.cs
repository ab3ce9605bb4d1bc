using Referral.Api.Auth;
using Referral.Api.Infrastructure;
using Referral.Grains.Abstractions.Quiz;
using Referral.Grains.Quiz;

namespace Referral.Api.Rooms;

/// <summary>Opening rooms (hosts), looking a PIN up (players), and the host's report (JSON, CSV).</summary>
public static class RoomsApi
{
    public static IEndpointRouteBuilder MapRoomsApi(this IEndpointRouteBuilder app)
    {
        var rooms = app.MapGroup("/api/rooms").WithTags("Rooms");
        rooms.MapPost("/", Open).WithName("OpenRoom").RequireAuthorization(Policies.Host);
        rooms.MapGet("/pin/{pin}", Lookup).WithName("LookupPin").RequireAuthorization(Policies.Player);
        rooms.MapGet("/{id:guid}/report", Report).WithName("RoomReport").RequireAuthorization(Policies.Host);
        rooms.MapGet("/{id:guid}/report.csv", ReportCsvFile).WithName("RoomReportCsv").RequireAuthorization(Policies.Host);
        return app;
    }

    private static async Task<IResult> Open(OpenRoomRequest? body, HttpContext http, IGrainFactory grains)
    {
        if (body is null || body.QuizId == Guid.Empty)
        {
            return Problems.Field("quizId", "Required.");
        }

        var hostId = http.User.UserId();
        var quiz = await grains.GetGrain<IQuizGrain>(body.QuizId).Get(hostId);
        if (!quiz.Ok)
        {
            return QuizProblems.From(quiz);
        }

        var roomId = Guid.NewGuid();
        var settings = new RoomSettings(body.MaxPlayers ?? 0, body.AutoAdvance ?? false, body.AutoAdvanceSeconds ?? 0, body.Rewards);
        var opened = await grains.GetGrain<IQuizRoomGrain>(roomId).Open(new OpenRoom(hostId, quiz.Value!, settings));
        if (!opened.Ok)
        {
            return QuizProblems.From(opened);
        }

        var info = opened.Value!;
        var joinUrl = $"{http.Request.Scheme}://{http.Request.Host}/join?pin={info.Pin}";
        return TypedResults.Created($"/api/rooms/{roomId}", new RoomOpenedResponse(roomId, info.Pin, joinUrl, info.QuizTitle, info.QuestionCount));
    }

    private static async Task<IResult> Lookup(string pin, IGrainFactory grains)
    {
        if (!RoomPins.IsWellFormed(pin))
        {
            return Problems.Field("pin", "A PIN has six digits.");
        }

        var roomId = await grains.GetGrain<IRoomPinGrain>(pin).Resolve();
        if (roomId is null)
        {
            return QuizProblems.NotFound(QuizErrors.RoomNotFound, "No live room has this PIN.");
        }

        var info = await grains.GetGrain<IQuizRoomGrain>(roomId.Value).Info();
        return info.Ok
            ? TypedResults.Ok(new RoomLookupResponse(roomId.Value, info.Value!.QuizTitle, info.Value.QuestionCount))
            : QuizProblems.From(info);
    }

    private static async Task<IResult> Report(Guid id, HttpContext http, IGrainFactory grains)
    {
        var outcome = await grains.GetGrain<IQuizRoomGrain>(id).Report(http.User.UserId());
        return outcome.Ok ? TypedResults.Ok(outcome.Value) : QuizProblems.From(outcome);
    }

    private static async Task<IResult> ReportCsvFile(Guid id, HttpContext http, IGrainFactory grains)
    {
        var outcome = await grains.GetGrain<IQuizRoomGrain>(id).Report(http.User.UserId());
        if (!outcome.Ok)
        {
            return QuizProblems.From(outcome);
        }

        var bytes = System.Text.Encoding.UTF8.GetBytes(ReportCsv.Write(outcome.Value!));
        return TypedResults.File(bytes, "text/csv; charset=utf-8", $"room-{id:N}-report.csv");
    }
}
