using System.Text.Json;
using Microsoft.Playwright;
using Referral.Testing;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Referral.Web.Tests;

/// <summary>
/// The product's main path in a real browser: a host writes a quiz and opens a room, three players
/// on phones join by PIN (link, typed PIN, and after signing up) and play to the podium, and what
/// every screen shows agrees with the server's own report.
/// </summary>
[Collection(WebGroup.Name)]
public sealed class GameTests(WebFixture web)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task HostAndThreePlayersPlayToThePodiumAndEveryScreenAgreesWithTheServer()
    {
        // --- the host logs in, writes a two-question quiz with the form, and opens a room -------
        var hostUser = await web.NewHostAsync("Quiz Master", Ct);
        await using var hostContext = await web.NewContextAsync(width: 1280, height: 800);
        var host = await hostContext.NewPageAsync();
        await host.GotoAsync("/login?next=/host");
        await host.GetByLabel("Email").FillAsync(hostUser.Email!);
        await host.GetByLabel("Password").FillAsync(hostUser.Password!);
        await host.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
        await Expect(host.GetByRole(AriaRole.Heading, new() { Name = "My quizzes" })).ToBeVisibleAsync();

        await host.GetByTestId("new-quiz").ClickAsync();
        await host.GetByTestId("quiz-title").FillAsync("Browser quiz");
        var q1 = host.GetByTestId("question-0");
        await q1.GetByTestId("question-text-input").FillAsync("How many legs has a spider?");
        string[] options = ["6", "8", "10", "12"];
        for (var i = 0; i < options.Length; i++)
        {
            await q1.GetByTestId($"option-{i}").FillAsync(options[i]);
        }

        await q1.GetByTestId("correct-1").CheckAsync();
        await host.GetByTestId("add-question").ClickAsync();
        var q2 = host.GetByTestId("question-1");
        await q2.GetByTestId("question-type").SelectOptionAsync("TrueFalse");
        await q2.GetByTestId("question-text-input").FillAsync("The Seine flows through Paris.");
        await host.GetByTestId("save-quiz").ClickAsync();
        await Expect(host.GetByTestId("saved")).ToBeVisibleAsync();

        await host.GotoAsync("/host");
        await host.Locator("[data-quiz]", new() { HasText = "Browser quiz" }).GetByTestId("open-room").ClickAsync();
        await Expect(host.GetByTestId("host-room")).ToHaveAttributeAsync("data-phase", "Lobby");
        var pin = (await host.GetByTestId("room-pin").TextContentAsync())!.Trim();
        Assert.Matches("^[0-9]{6}$", pin);
        await Expect(host.GetByTestId("qr")).ToHaveAttributeAsync("data-value", new Uri(web.BaseAddress, $"/join?pin={pin}").ToString());
        await Axe.AssertNoSeriousViolationsAsync(host, "the host lobby");

        // --- three players: a shared link, a typed PIN, and a new account -----------------------
        await using var aliceContext = await web.NewContextAsync();
        var alice = await aliceContext.NewPageAsync();
        await alice.GotoAsync($"/join?pin={pin}");
        await alice.GetByTestId("nickname").FillAsync("Alice");
        await alice.GetByTestId("join-submit").ClickAsync();
        await Expect(alice.GetByTestId("play")).ToHaveAttributeAsync("data-phase", "Lobby");

        await using var brunoContext = await web.NewContextAsync();
        var bruno = await brunoContext.NewPageAsync();
        await bruno.GotoAsync("/");
        await bruno.GetByTestId("pin-input").FillAsync(pin);
        await bruno.GetByRole(AriaRole.Button, new() { Name = "Enter" }).ClickAsync();
        await bruno.GetByTestId("nickname").FillAsync("Bruno");
        await bruno.GetByTestId("join-submit").ClickAsync();
        await Expect(bruno.GetByTestId("play")).ToHaveAttributeAsync("data-phase", "Lobby");

        await using var chloeContext = await web.NewContextAsync();
        var chloe = await chloeContext.NewPageAsync();
        await chloe.GotoAsync($"/signup?next={Uri.EscapeDataString($"/join?pin={pin}")}");
        await chloe.GetByLabel("Display name").FillAsync("Chloe");
        await chloe.GetByLabel("Email").FillAsync(AuthClient.NewEmail("chloe"));
        await chloe.GetByLabel("Password", new() { Exact = true }).FillAsync(AuthClient.Password);
        await chloe.GetByRole(AriaRole.Button, new() { Name = "Create my account" }).ClickAsync();
        await Expect(chloe.GetByTestId("join-quiz")).ToContainTextAsync("Browser quiz");
        await Expect(chloe.GetByTestId("nickname")).ToHaveValueAsync("Chloe");
        await chloe.GetByTestId("join-submit").ClickAsync();
        await Expect(chloe.GetByTestId("play")).ToHaveAttributeAsync("data-phase", "Lobby");
        await Axe.AssertNoSeriousViolationsAsync(chloe, "the player lobby");

        await Expect(host.GetByTestId("host-player-count")).ToHaveAttributeAsync("data-count", "3");
        await Expect(host.GetByTestId("players").Locator("li")).ToHaveCountAsync(3);
        await Screenshots.SaveAsync(host, "host-lobby");

        // --- question 1: Alice and Chloe right (Alice first), Bruno wrong ------------------------
        await host.GetByTestId("start").ClickAsync();
        IPage[] players = [alice, bruno, chloe];
        foreach (var player in players)
        {
            await Expect(player.GetByTestId("question-text")).ToHaveTextAsync("How many legs has a spider?");
        }

        await Expect(alice.GetByTestId("countdown")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^(1[0-9]|20)$"));
        await Screenshots.SaveAsync(alice, "player-question");
        await Axe.AssertNoSeriousViolationsAsync(alice, "the question screen");
        await alice.Locator("[data-option='1']").ClickAsync();
        await Expect(alice.GetByTestId("answer-status")).ToHaveAttributeAsync("data-status", "accepted");
        await Expect(host.GetByTestId("answered-count")).ToHaveAttributeAsync("data-count", "1");
        await chloe.Locator("[data-option='1']").ClickAsync();
        await Expect(chloe.GetByTestId("answer-status")).ToHaveAttributeAsync("data-status", "accepted");
        await bruno.Locator("[data-option='0']").ClickAsync();

        // Everyone answered: the room closes the question by itself.
        await Expect(alice.GetByTestId("verdict")).ToHaveAttributeAsync("data-verdict", "correct");
        await Expect(chloe.GetByTestId("verdict")).ToHaveAttributeAsync("data-verdict", "correct");
        await Expect(bruno.GetByTestId("verdict")).ToHaveAttributeAsync("data-verdict", "wrong");
        await Expect(bruno.GetByTestId("points")).ToHaveTextAsync("+0 points");
        var chart = host.GetByTestId("distribution");
        await Expect(chart.Locator("li", new() { HasText = "8" })).ToHaveAttributeAsync("data-count", "2");
        await Expect(chart.Locator("li", new() { HasText = "6" })).ToHaveAttributeAsync("data-count", "1");
        await Expect(chart.Locator("li", new() { HasText = "10" })).ToHaveAttributeAsync("data-count", "0");
        await Screenshots.SaveAsync(host, "host-results");
        await Screenshots.SaveAsync(alice, "player-result");
        await Axe.AssertNoSeriousViolationsAsync(host, "the host results");
        await Axe.AssertNoSeriousViolationsAsync(bruno, "the player results");

        // --- question 2 (true/false): Bruno reloads mid-question and still answers ---------------
        await host.GetByTestId("next").ClickAsync();
        await Expect(bruno.GetByTestId("question-text")).ToHaveTextAsync("The Seine flows through Paris.");
        await bruno.ReloadAsync();
        await Expect(bruno.GetByTestId("question-text")).ToHaveTextAsync("The Seine flows through Paris.");
        await Expect(bruno.GetByTestId("connection")).ToHaveAttributeAsync("data-state", "connected");
        await bruno.GetByRole(AriaRole.Button, new() { Name = "True" }).ClickAsync();
        await Expect(bruno.GetByTestId("answer-status")).ToHaveAttributeAsync("data-status", "accepted");
        await chloe.GetByRole(AriaRole.Button, new() { Name = "True" }).ClickAsync();
        await alice.GetByRole(AriaRole.Button, new() { Name = "False" }).ClickAsync();
        await Expect(alice.GetByTestId("verdict")).ToHaveAttributeAsync("data-verdict", "wrong");
        await Expect(bruno.GetByTestId("verdict")).ToHaveAttributeAsync("data-verdict", "correct");

        // --- the podium --------------------------------------------------------------------------
        await host.GetByTestId("next").ClickAsync();
        await Expect(host.GetByTestId("host-room")).ToHaveAttributeAsync("data-phase", "Ended");
        foreach (var player in players)
        {
            await Expect(player.GetByTestId("final")).ToBeVisibleAsync();
        }

        var roomId = host.Url.Split('/').Last();
        using var report = await web.GetAsync<JsonDocument>(hostUser, $"api/rooms/{roomId}/report", Ct);
        var ranking = report.RootElement.GetProperty("ranking").EnumerateArray()
            .Select(r => (Rank: r.GetProperty("rank").GetInt32(), User: r.GetProperty("userId").GetString()!, Nickname: r.GetProperty("nickname").GetString()!, Score: r.GetProperty("score").GetInt32()))
            .ToList();
        Assert.Equal(["Alice", "Bruno", "Chloe"], ranking.Select(r => r.Nickname).Order());
        Assert.True(ranking.All(r => r.Score > 0), "every player scored on some question: " + string.Join(", ", ranking));

        foreach (var (page, nickname) in new[] { (alice, "Alice"), (bruno, "Bruno"), (chloe, "Chloe") })
        {
            var mine = ranking.Single(r => r.Nickname == nickname);
            var final = page.GetByTestId("final");
            Assert.Equal(mine.Rank.ToString(System.Globalization.CultureInfo.InvariantCulture), await final.GetAttributeAsync("data-rank"));
            Assert.Equal(mine.Score.ToString(System.Globalization.CultureInfo.InvariantCulture), await final.GetAttributeAsync("data-score"));
            await AssertPodiumAsync(page, ranking, $"{nickname}'s podium");
        }

        await AssertPodiumAsync(host, ranking, "the host's podium");
        var hostRanking = await host.Locator("[data-testid='leaderboard'] li").EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.user)");
        Assert.Equal(ranking.Select(r => r.User), hostRanking);
        await Screenshots.SaveAsync(chloe, "player-podium");
        await Screenshots.SaveAsync(host, "host-podium");
        await Axe.AssertNoSeriousViolationsAsync(chloe, "the player podium");
        await Axe.AssertNoSeriousViolationsAsync(host, "the host podium");

        // The report downloads as CSV with one row per player per question.
        var download = await host.RunAndWaitForDownloadAsync(() => host.GetByTestId("report").ClickAsync());
        var csv = await File.ReadAllLinesAsync((await download.PathAsync())!, Ct);
        Assert.StartsWith("player,nickname,question", csv[0], StringComparison.Ordinal);
        Assert.Equal(1 + (3 * 2), csv.Count(l => l.Length > 0));
    }

    private static async Task AssertPodiumAsync(IPage page, List<(int Rank, string User, string Nickname, int Score)> ranking, string what)
    {
        var steps = await page.GetByTestId("podium").Locator("li").EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.rank + ':' + i.dataset.user)");
        var expected = ranking.Take(3).Select(r => $"{r.Rank}:{r.User}").Order(StringComparer.Ordinal);
        Assert.True(expected.SequenceEqual(steps.Order(StringComparer.Ordinal)), $"{what}: expected {string.Join(", ", expected)}, shown {string.Join(", ", steps)}");
    }
}
