using System.Net;
using System.Net.Http.Json;
using Referral.Api.Tests.Auth;
using Referral.Testing;
using Xunit;

namespace Referral.Api.Tests.Wheel;

/// <summary>Rank rewards (spins for the podium) set when a host opens a room over HTTP.</summary>
public sealed class RoomRewardApiTests(ReferralApiFactory api) : IClassFixture<ReferralApiFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AHostOpensARoomWithPodiumSpinsAndBadTiersAreRefusedNamingTheField()
    {
        using var anonymous = api.CreateHttpClient();
        using var host = api.CreateHttpClient(await anonymous.RegisterAsync(ct: Ct));
        var quizId = await AccountsApiFixture.CreateQuizAsync(host, Ct);

        var opened = await host.PostAsJsonAsync("api/rooms", new
        {
            quizId,
            rewards = new object[]
            {
                new { fromRank = 1, toRank = 1, currency = "spins", amount = 3 },
                new { fromRank = 2, toRank = 3, currency = "spins", amount = 1 },
            },
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);

        var refused = await host.PostAsJsonAsync("api/rooms", new
        {
            quizId,
            rewards = new object[] { new { fromRank = 1, toRank = 3, currency = "gold", amount = 1 } },
        }, Ct);
        await ProblemAssert.Is(refused, HttpStatusCode.BadRequest, "validation_failed", "rewards[0].currency");
    }
}
