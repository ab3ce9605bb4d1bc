using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Referral.Grains.Abstractions.Quiz;
using Referral.Grains.Quiz;
using Referral.Testing;
using Xunit;

namespace Referral.Api.Tests.Rooms;

/// <summary>
/// A whole game over real SignalR WebSocket connections: one host, 50 guest players, three
/// questions. Every player must receive every question and their own result; nothing sent before
/// a question closes may carry its answer; the final ranking must equal the scores recomputed
/// from the answers and the server's own timestamps. Runs in memory and in PostgreSQL mode.
/// </summary>
public abstract class LiveGameScenario(ReferralApiFactory api)
{
    private const int PlayerCount = 50;
    private static readonly int[] FirstOption = [0];
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly QuizDefinition Quiz = new("Live test", null,
    [
        new QuestionDefinition(QuestionType.SingleChoice, "Capital of France?", ["Lyon", "Paris", "Nice", "Lille"], [1], [], 30, PointsMode.Standard, null),
        new QuestionDefinition(QuestionType.MultipleSelect, "Primes?", ["2", "3", "4", "5"], [0, 1, 3], [], 30, PointsMode.Double, null),
        new QuestionDefinition(QuestionType.TypeAnswer, "Largest land animal?", [], [], ["elephant"], 30, PointsMode.Standard, null),
    ]);

    [Fact]
    public async Task FiftyPlayersPlayAWholeGameAndEveryoneGetsEveryQuestionAndTheirOwnResult()
    {
        using var anonymous = api.CreateHttpClient();
        var host = await anonymous.RegisterAsync(ct: Ct);
        using var hostHttp = api.CreateHttpClient(host);

        var created = await hostHttp.PostAsJsonAsync("api/quizzes", Quiz, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var quizId = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
        var opened = await hostHttp.PostAsJsonAsync("api/rooms", new { quizId }, Ct);
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        var room = await opened.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var roomId = room.GetProperty("roomId").GetGuid();
        var pin = room.GetProperty("pin").GetString()!;
        Assert.EndsWith($"/join?pin={pin}", room.GetProperty("joinUrl").GetString(), StringComparison.Ordinal);

        await using var hostHub = api.CreateHubConnection(host);
        var hostEvents = new HubRecorder(hostHub);
        await hostHub.StartAsync(Ct);
        var hostView = await hostHub.InvokeAsync<JsonElement>("Resume", roomId, Ct);
        Assert.True(hostView.GetProperty("isHost").GetBoolean());

        var players = new List<Player>();
        try
        {
            for (var i = 0; i < PlayerCount; i++)
            {
                var user = await anonymous.GuestAsync(displayName: $"Guest {i}", ct: Ct);
                var hub = api.CreateHubConnection(user);
                var player = new Player(i, user, hub, new HubRecorder(hub));
                await hub.StartAsync(Ct);
                var seat = await hub.InvokeAsync<JsonElement>("JoinRoom", pin, $"Player {i}", Ct);
                Assert.Equal("Lobby", seat.GetProperty("phase").GetString());
                players.Add(player);
            }

            // A player who is not in the room cannot answer, and host controls refuse players.
            var outsider = players[0].Hub;
            var notHost = await Assert.ThrowsAsync<HubException>(() => outsider.InvokeAsync<JsonElement>("StartGame", roomId, Ct));
            Assert.Contains("unauthorized", notHost.Message, StringComparison.OrdinalIgnoreCase);

            var acks = new Dictionary<(int Player, int Question), DateTimeOffset>();
            await hostHub.InvokeAsync<JsonElement>("StartGame", roomId, Ct);
            for (var q = 0; q < Quiz.Questions.Count; q++)
            {
                var index = q;
                await Until(() => players.All(p => p.Events.Count("questionStarted", e => e.GetProperty("question").GetProperty("index").GetInt32() == index) == 1), $"question {q} reached every player");

                foreach (var player in players)
                {
                    if (Skips(player.Index, q))
                    {
                        continue;
                    }

                    var (choices, text) = AnswerOf(player.Index, q);
                    var ack = await player.Hub.InvokeAsync<JsonElement>("Answer", roomId, q, choices, text, Ct);
                    Assert.False(ack.GetProperty("duplicate").GetBoolean());
                    acks[(player.Index, q)] = ack.GetProperty("receivedAt").GetDateTimeOffset();
                }

                // A repeat is acknowledged as a duplicate; an answer to another question is refused.
                var repeat = await players[1].Hub.InvokeAsync<JsonElement>("Answer", roomId, q, AnswerOf(1, q).Choices, AnswerOf(1, q).Text, Ct);
                Assert.True(repeat.GetProperty("duplicate").GetBoolean());
                var wrongQuestion = await Assert.ThrowsAsync<HubException>(() => players[2].Hub.InvokeAsync<JsonElement>("Answer", roomId, q + 7, FirstOption, null, Ct));
                Assert.Contains("wrong_question", wrongQuestion.Message, StringComparison.Ordinal);

                await hostHub.InvokeAsync<JsonElement>("CloseQuestion", roomId, Ct);
                await Until(() => players.All(p => p.Events.Count("questionClosed", e => e.GetProperty("index").GetInt32() == index) == 1), $"results of question {q} reached every player");

                // Late: the skipper tries after the close.
                var late = await Assert.ThrowsAsync<HubException>(() => players[9].Hub.InvokeAsync<JsonElement>("Answer", roomId, q, FirstOption, "x", Ct));
                Assert.Contains("too_late", late.Message, StringComparison.Ordinal);

                await hostHub.InvokeAsync<JsonElement>("NextQuestion", roomId, Ct);
            }

            await Until(() => players.All(p => p.Events.Count("gameEnded") == 1) && hostEvents.Count("gameEnded") == 1, "the podium reached everyone");

            // The final ranking equals the scores recomputed from the answers and server timestamps.
            var expected = ExpectedTotals(players, hostEvents, acks);
            var ranking = hostEvents.Single("gameEnded", _ => true).GetProperty("ranking").EnumerateArray().ToList();
            Assert.Equal(PlayerCount, ranking.Count);
            foreach (var entry in ranking)
            {
                var index = int.Parse(entry.GetProperty("nickname").GetString()!["Player ".Length..], System.Globalization.CultureInfo.InvariantCulture);
                Assert.Equal(expected[index], entry.GetProperty("score").GetInt32());
            }

            var scores = ranking.Select(e => e.GetProperty("score").GetInt32()).ToList();
            Assert.Equal(scores.OrderDescending(), scores);

            foreach (var player in players)
            {
                var me = player.Events.Single("gameEnded", _ => true).GetProperty("me");
                Assert.Equal(expected[player.Index], me.GetProperty("score").GetInt32());
                AssertNoAnswerBeforeClose(player);
            }
        }
        finally
        {
            foreach (var player in players)
            {
                await player.Hub.DisposeAsync();
            }
        }
    }

    private static bool Skips(int player, int question) => player % 10 == 9;

    private static (int[]? Choices, string? Text) AnswerOf(int player, int question) => question switch
    {
        0 => (player % 3 == 0 ? [0] : [1], null),
        1 => (player % 4 == 0 ? [0, 1] : [0, 1, 3], null),
        _ => (null, player % 2 == 0 ? "Éléphant" : "giraffe"),
    };

    private static Dictionary<int, int> ExpectedTotals(List<Player> players, HubRecorder host, Dictionary<(int Player, int Question), DateTimeOffset> acks)
    {
        var openedAt = Enumerable.Range(0, Quiz.Questions.Count).Select(q =>
            players[0].Events.Single("questionStarted", e => e.GetProperty("question").GetProperty("index").GetInt32() == q).GetProperty("openedAt").GetDateTimeOffset()).ToList();
        var totals = new Dictionary<int, int>();
        foreach (var player in players)
        {
            var (total, streak) = (0, 0);
            for (var q = 0; q < Quiz.Questions.Count; q++)
            {
                var question = Quiz.Questions[q];
                if (!acks.TryGetValue((player.Index, q), out var receivedAt))
                {
                    streak = Scoring.Missed(question, streak).StreakAfter;
                    continue;
                }

                var (choices, text) = AnswerOf(player.Index, q);
                var judged = AnswerJudge.Judge(question, new AnswerSubmission(q, choices, text));
                var score = Scoring.Score(question, judged, receivedAt - openedAt[q], streak);
                total += score.Points;
                streak = score.StreakAfter;

                var mine = player.Events.Single("questionClosed", e => e.GetProperty("index").GetInt32() == q).GetProperty("me");
                Assert.Equal(score.Points, mine.GetProperty("points").GetInt32());
                Assert.Equal(total, mine.GetProperty("total").GetInt32());
            }

            totals[player.Index] = total;
        }

        Assert.Equal(3, host.Count("questionClosed"));
        return totals;
    }

    /// <summary>Nothing a player received before a question closed may carry that question's answer.</summary>
    private static void AssertNoAnswerBeforeClose(Player player)
    {
        var closedSoFar = -1;
        foreach (var (name, payload) in player.Events.Received)
        {
            if (name == "questionClosed")
            {
                closedSoFar = payload.GetProperty("index").GetInt32();
                continue;
            }

            var json = payload.GetRawText();
            Assert.DoesNotContain("correctOption", json, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("acceptedAnswers", json, StringComparison.OrdinalIgnoreCase);
            if (closedSoFar < 2)
            {
                Assert.DoesNotContain("elephant", json, StringComparison.OrdinalIgnoreCase);
            }
        }
    }

    private static async Task Until(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + Wait;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Not within {Wait.TotalSeconds:0}s: {what}.");
            }

            await Task.Delay(25, Ct);
        }
    }

    private sealed record Player(int Index, TestUser User, HubConnection Hub, HubRecorder Events);
}

/// <summary>The live game in single-node memory mode.</summary>
public sealed class LiveGameTests(ReferralApiFactory api) : LiveGameScenario(api), IClassFixture<ReferralApiFactory>;

/// <summary>The live game with grain state, reminders and membership in PostgreSQL.</summary>
public sealed class DurableLiveGameTests(DurableApiFixture fixture) : LiveGameScenario(fixture.Api), IClassFixture<DurableApiFixture>;
