using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Referral.Web.Tests;

/// <summary>The host console beyond the happy path: JSON import, kicking, locking.</summary>
[Collection(WebGroup.Name)]
public sealed class HostConsoleTests(WebFixture web)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string QuizJson =
        """
        {
          "title": "Imported quiz",
          "description": "From a file",
          "questions": [
            { "type": "Poll", "text": "Favourite colour?", "options": ["Red", "Blue", "Green"], "correctOptions": [], "acceptedAnswers": [], "timeLimitSeconds": 30, "points": "None", "imageUrl": null },
            { "type": "TypeAnswer", "text": "Capital of France?", "options": [], "correctOptions": [], "acceptedAnswers": ["Paris"], "timeLimitSeconds": 30, "points": "Double", "imageUrl": null }
          ]
        }
        """;

    [Fact]
    public async Task AHostImportsAQuizKicksOnePlayerAndLocksTheRoomAgainstAnother()
    {
        var hostUser = await web.NewHostAsync("Import Host", Ct);
        await using var hostContext = await web.NewContextAsync(width: 1280, height: 800);
        var host = await hostContext.NewPageAsync();
        await host.GotoAsync("/login?next=/host");
        await host.GetByLabel("Email").FillAsync(hostUser.Email!);
        await host.GetByLabel("Password").FillAsync(hostUser.Password!);
        await host.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
        await Expect(host.GetByText("No quizzes yet.")).ToBeVisibleAsync();

        // Import by pasting JSON: the editor opens on the stored quiz, questions as written.
        await host.GetByText("Import a quiz (JSON)").ClickAsync();
        await host.GetByTestId("import-text").FillAsync(QuizJson);
        await host.GetByTestId("import-submit").ClickAsync();
        await Expect(host.GetByTestId("quiz-title")).ToHaveValueAsync("Imported quiz");
        await Expect(host.GetByTestId("question-0").GetByTestId("question-type")).ToHaveValueAsync("Poll");
        await Expect(host.GetByTestId("question-1").GetByTestId("question-type")).ToHaveValueAsync("TypeAnswer");
        await Expect(host.GetByTestId("question-1").GetByLabel("Accepted answers")).ToHaveValueAsync("Paris");

        // An invalid save names the field in the host's language and changes nothing.
        await host.GetByTestId("question-0").GetByTestId("question-text-input").FillAsync("");
        await host.GetByTestId("save-quiz").ClickAsync();
        await Expect(host.GetByTestId("field-errors")).ToContainTextAsync("Question 1: question text");
        await host.GetByTestId("question-0").GetByTestId("question-text-input").FillAsync("Favourite colour?");

        await host.GotoAsync("/host");
        await host.Locator("[data-quiz]", new() { HasText = "Imported quiz" }).GetByTestId("open-room").ClickAsync();
        var pin = (await host.GetByTestId("room-pin").TextContentAsync())!.Trim();

        await using var kimContext = await web.NewContextAsync();
        var kim = await kimContext.NewPageAsync();
        await kim.GotoAsync($"/join?pin={pin}");
        await kim.GetByTestId("nickname").FillAsync("Kim");
        await kim.GetByTestId("join-submit").ClickAsync();
        await Expect(kim.GetByTestId("play")).ToHaveAttributeAsync("data-phase", "Lobby");

        await host.GetByRole(AriaRole.Button, new() { Name = "Remove Kim" }).ClickAsync();
        await Expect(kim.GetByTestId("play-error")).ToHaveTextAsync("The host removed you from this game.");
        await Expect(host.GetByTestId("host-player-count")).ToHaveAttributeAsync("data-count", "0");

        await host.GetByTestId("lock").ClickAsync();
        await Expect(host.GetByTestId("lock")).ToHaveAttributeAsync("aria-pressed", "true");
        await using var leoContext = await web.NewContextAsync(locale: "fr-FR");
        var leo = await leoContext.NewPageAsync();
        await leo.GotoAsync($"/join?pin={pin}");
        await leo.GetByTestId("nickname").FillAsync("Leo");
        await leo.GetByTestId("join-submit").ClickAsync();
        await Expect(leo.GetByRole(AriaRole.Alert)).ToHaveTextAsync("L'animateur a verrouillé cette partie.");
    }
}
