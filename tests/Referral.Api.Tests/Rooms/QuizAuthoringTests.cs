using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Referral.Testing;
using Xunit;

namespace Referral.Api.Tests.Rooms;

/// <summary>Hosts write, list, export, import and delete quizzes; nobody else can see them.</summary>
public sealed class QuizAuthoringTests(ReferralApiFactory api) : IClassFixture<ReferralApiFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static object SampleQuiz(string title = "Geography") => new
    {
        title,
        description = "Capitals and rivers",
        questions = new object[]
        {
            new { type = "SingleChoice", text = "Capital of Italy?", options = new[] { "Rome", "Milan" }, correctOptions = new[] { 0 }, acceptedAnswers = Array.Empty<string>(), timeLimitSeconds = 20, points = "Standard", imageUrl = (string?)null },
            new { type = "TrueFalse", text = "The Seine flows through Paris.", options = new[] { "true", "false" }, correctOptions = new[] { 0 }, acceptedAnswers = Array.Empty<string>(), timeLimitSeconds = 10, points = "Double", imageUrl = "https://example.org/seine.png" },
            new { type = "Ordering", text = "North to south", options = new[] { "Oslo", "Paris", "Madrid" }, correctOptions = Array.Empty<int>(), acceptedAnswers = Array.Empty<string>(), timeLimitSeconds = 30, points = "None", imageUrl = (string?)null },
        },
    };

    [Fact]
    public async Task AHostCreatesListsUpdatesExportsImportsAndDeletesQuizzes()
    {
        using var anonymous = api.CreateHttpClient();
        var host = await anonymous.RegisterAsync(ct: Ct);
        using var http = api.CreateHttpClient(host);

        var created = await http.PostAsJsonAsync("api/quizzes", SampleQuiz(), Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var quiz = await created.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var id = quiz.GetProperty("id").GetGuid();
        Assert.Equal(1, quiz.GetProperty("version").GetInt32());
        Assert.Equal("Ordering", quiz.GetProperty("definition").GetProperty("questions")[2].GetProperty("type").GetString());

        var update = await http.PutAsJsonAsync($"api/quizzes/{id}", SampleQuiz("Geography II"), Ct);
        Assert.Equal(HttpStatusCode.OK, update.StatusCode);
        Assert.Equal(2, (await update.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("version").GetInt32());

        var list = await http.GetFromJsonAsync<JsonElement>("api/quizzes", Ct);
        Assert.Contains(list.EnumerateArray(), q => q.GetProperty("id").GetGuid() == id && q.GetProperty("title").GetString() == "Geography II" && q.GetProperty("questionCount").GetInt32() == 3);

        var export = await http.GetAsync(new Uri($"api/quizzes/{id}/export", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Contains("attachment", export.Content.Headers.ContentDisposition?.ToString() ?? export.Headers.ToString(), StringComparison.Ordinal);
        var exported = await export.Content.ReadAsStringAsync(Ct);

        using var importBody = new StringContent(exported, System.Text.Encoding.UTF8, "application/json");
        var imported = await http.PostAsync(new Uri("api/quizzes/import", UriKind.Relative), importBody, Ct);
        Assert.Equal(HttpStatusCode.Created, imported.StatusCode);
        var copy = await imported.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.NotEqual(id, copy.GetProperty("id").GetGuid());
        Assert.Equal(
            JsonSerializer.Serialize(JsonDocument.Parse(exported).RootElement),
            JsonSerializer.Serialize(copy.GetProperty("definition")));

        Assert.Equal(HttpStatusCode.NoContent, (await http.DeleteAsync(new Uri($"api/quizzes/{id}", UriKind.Relative), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(new Uri($"api/quizzes/{id}", UriKind.Relative), Ct)).StatusCode);
        list = await http.GetFromJsonAsync<JsonElement>("api/quizzes", Ct);
        Assert.DoesNotContain(list.EnumerateArray(), q => q.GetProperty("id").GetGuid() == id);
    }

    [Fact]
    public async Task InvalidQuizzesAreRefusedNamingTheFields()
    {
        using var anonymous = api.CreateHttpClient();
        using var http = api.CreateHttpClient(await anonymous.RegisterAsync(ct: Ct));
        var bad = new
        {
            title = "",
            questions = new object[]
            {
                new { type = "SingleChoice", text = "Two right?", options = new[] { "a", "b" }, correctOptions = new[] { 0, 1 }, acceptedAnswers = Array.Empty<string>(), timeLimitSeconds = 3, points = "Standard" },
            },
        };
        var response = await http.PostAsJsonAsync("api/quizzes", bad, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("validation_failed", problem.GetProperty("code").GetString());
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("title", out _));
        Assert.True(errors.TryGetProperty("questions[0].correctOptions", out _));
        Assert.True(errors.TryGetProperty("questions[0].timeLimitSeconds", out _));

        using var malformed = new StringContent("{\"title\":\"x\",\"questions\":[{\"type\":\"Essay\"}]}", System.Text.Encoding.UTF8, "application/json");
        var unknownType = await http.PostAsync(new Uri("api/quizzes", UriKind.Relative), malformed, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, unknownType.StatusCode);
    }

    [Fact]
    public async Task AnotherHostsQuizIsInvisibleAndGuestsCannotAuthor()
    {
        using var anonymous = api.CreateHttpClient();
        using var owner = api.CreateHttpClient(await anonymous.RegisterAsync(ct: Ct));
        using var other = api.CreateHttpClient(await anonymous.RegisterAsync(ct: Ct));
        using var guest = api.CreateHttpClient(await anonymous.GuestAsync(ct: Ct));

        var created = await owner.PostAsJsonAsync("api/quizzes", SampleQuiz(), Ct);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();

        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(new Uri($"api/quizzes/{id}", UriKind.Relative), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PutAsJsonAsync($"api/quizzes/{id}", SampleQuiz("hijack"), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.DeleteAsync(new Uri($"api/quizzes/{id}", UriKind.Relative), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsJsonAsync("api/rooms", new { quizId = id }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await guest.PostAsJsonAsync("api/quizzes", SampleQuiz(), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(new Uri("api/quizzes", UriKind.Relative), Ct)).StatusCode);

        var stillThere = await owner.GetFromJsonAsync<JsonElement>($"api/quizzes/{id}", Ct);
        Assert.Equal("Geography", stillThere.GetProperty("definition").GetProperty("title").GetString());
    }
}
