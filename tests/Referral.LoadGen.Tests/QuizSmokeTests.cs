using Referral.LoadGen;
using Referral.LoadGen.Scenarios;
using Referral.Testing;
using Xunit;

namespace Referral.LoadGen.Tests;

/// <summary>
/// A small run of the load generator's <c>quiz</c> scenario against a real api on a loopback port
/// (in-process Kestrel with its co-hosted silo): 200 guest players, three questions, a few wrong
/// and a few late answers; the guests sign in on the hub in one run and over HTTP in the other. It guards the generator and the product's delivery and scoring
/// together, so a regression in either shows in the suite; the numbers themselves are for
/// docs/benchmarks.md, not for this test.
/// </summary>
public sealed class QuizSmokeTests(ReferralApiFactory api) : IClassFixture<ReferralApiFactory>
{
    [Theory]
    [InlineData("join")]
    [InlineData("hub")]
    [InlineData("http")]
    public async Task TwoHundredPlayersGetEveryQuestionAndResultAndTheirScoresAreExact(string guestSignIn)
    {
        var options = LoadGenOptions.Parse(
        [
            "quiz", "--players", "200", "--questions", "3", "--time-limit", "5",
            "--think-min-ms", "100", "--think-max-ms", "1500", "--wrong-percent", "30", "--late-percent", "2",
            "--reveal-ms", "200", "--batch", "50", "--no-baseline", "--guest-sign-in", guestSignIn,
        ]);
        using var target = new ProductTarget(api.ServerAddress, 50, options.GuestSignIn);

        var run = await new GameRun(options, target, null, TextWriter.Null).RunAsync(TestContext.Current.CancellationToken);

        var errors = string.Join(", ", run.Errors.Select(e => $"{e.Key}={e.Value}: {run.ErrorExamples.GetValueOrDefault(e.Key)}"));
        Assert.True(run.Seating.Seated == 200, $"seating: {run.Seating.Seated}/200 seated; errors: {errors}");
        Assert.True(run.Delivery.Lost == 0, $"delivery: {run.Delivery}; errors: {errors}");
        Assert.Equal(3 * 200, run.Delivery.QuestionsDelivered);
        Assert.Equal(3 * 200, run.Delivery.ResultsDelivered);
        Assert.Equal(200, run.Delivery.EndsDelivered);
        Assert.True(run.UnexpectedRefusals == 0, $"answers refused that were sent in time; errors: {errors}");
        var scores = run.Scores ?? throw new InvalidOperationException("the product run must check scores");
        Assert.True(scores.Mismatches == 0, $"scores: {string.Join("; ", scores.Examples)}");
        Assert.True(scores.ValuesChecked >= 200 * 4, $"only {scores.ValuesChecked} score values were checked");
        Assert.All(run.Errors.Keys, kind => Assert.Contains(kind, (string[])["expected_too_late", "nickname_refused_retried"]));
        Assert.True(run.Ack.Count >= 3 * 200 * 9 / 10, $"only {run.Ack.Count} answers acknowledged");
    }
}
