using Referral.Grains.Abstractions.Accounts;
using Xunit;
using static Referral.Grains.Tests.Accounts.AccountTestData;

namespace Referral.Grains.Tests.Accounts;

[Collection(SharedAccountsCluster.Name)]
public sealed class SessionTests(AccountsCluster cluster)
{
    private IClusterClient Client => cluster.Client;

    private async Task<IUserGrain> NewUserAsync()
    {
        var email = NewEmail();
        var command = Register(email);
        await Client.Account(email).Register(command);
        return Client.User(command.UserId);
    }

    [Fact]
    public async Task OpeningASessionGivesATokenThatRoutesToTheUserAndExpiresInThirtyDays()
    {
        var user = await NewUserAsync();

        var grant = (await user.OpenSession(new OpenSession("Pixel 8"))).Value!;

        Assert.True(Referral.Grains.Accounts.RefreshTokens.TryParse(grant.RefreshToken, out var userId, out var familyId));
        Assert.Equal(user.GetPrimaryKey(), userId);
        Assert.Equal(grant.FamilyId, familyId);
        Assert.Equal(cluster.Time.GetUtcNow() + TimeSpan.FromDays(30), grant.ExpiresAt);
        Assert.Equal(user.GetPrimaryKey(), grant.User.Id);
    }

    [Fact]
    public async Task RefreshRotatesTheTokenAndKeepsTheFamilyAndItsAbsoluteExpiry()
    {
        var user = await NewUserAsync();
        var first = (await user.OpenSession(new OpenSession("phone"))).Value!;
        cluster.Time.Advance(TimeSpan.FromMinutes(14));

        var second = await user.Refresh(first.RefreshToken);
        var third = await user.Refresh(second.Value!.RefreshToken);

        Assert.True(second.Ok, second.Error);
        Assert.True(third.Ok, third.Error);
        Assert.NotEqual(first.RefreshToken, second.Value.RefreshToken);
        Assert.NotEqual(second.Value.RefreshToken, third.Value!.RefreshToken);
        Assert.Equal(first.FamilyId, third.Value.FamilyId);
        Assert.Equal(first.ExpiresAt, third.Value.ExpiresAt);
    }

    [Fact]
    public async Task PresentingARotatedTokenRevokesTheWholeFamily()
    {
        var user = await NewUserAsync();
        var stolen = (await user.OpenSession(new OpenSession("phone"))).Value!;
        var other = (await user.OpenSession(new OpenSession("laptop"))).Value!;
        var legitimate = (await user.Refresh(stolen.RefreshToken)).Value!;
        var newest = (await user.Refresh(legitimate.RefreshToken)).Value!;

        var replay = await user.Refresh(stolen.RefreshToken);

        Assert.Equal(AccountErrors.RefreshTokenReused, replay.Error);
        Assert.Equal(AccountErrors.InvalidRefreshToken, (await user.Refresh(newest.RefreshToken)).Error);
        Assert.Equal(AccountErrors.InvalidRefreshToken, (await user.Refresh(stolen.RefreshToken)).Error);
        // Another device's family is untouched.
        Assert.True((await user.Refresh(other.RefreshToken)).Ok);
        var sessions = (await user.Export()).Value!.Sessions;
        Assert.True(sessions.Single(s => s.FamilyId == stolen.FamilyId).Revoked);
        Assert.False(sessions.Single(s => s.FamilyId == other.FamilyId).Revoked);
    }

    [Fact]
    public async Task ATokenPastItsAbsoluteExpiryIsExpired()
    {
        var user = await NewUserAsync();
        var grant = (await user.OpenSession(new OpenSession(null))).Value!;
        cluster.Time.Advance(TimeSpan.FromDays(30) - TimeSpan.FromSeconds(1));
        var last = (await user.Refresh(grant.RefreshToken)).Value!;

        cluster.Time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(AccountErrors.RefreshTokenExpired, (await user.Refresh(last.RefreshToken)).Error);
    }

    [Fact]
    public async Task LogoutRevokesOneFamilyAndIsIdempotent()
    {
        var user = await NewUserAsync();
        var phone = (await user.OpenSession(new OpenSession("phone"))).Value!;
        var laptop = (await user.OpenSession(new OpenSession("laptop"))).Value!;

        await user.RevokeSession(phone.FamilyId);
        await user.RevokeSession(phone.FamilyId);

        Assert.Equal(AccountErrors.InvalidRefreshToken, (await user.Refresh(phone.RefreshToken)).Error);
        Assert.True((await user.Refresh(laptop.RefreshToken)).Ok);
    }

    [Fact]
    public async Task RevokeAllEndsEveryFamily()
    {
        var user = await NewUserAsync();
        var grants = new List<SessionGrant>();
        for (var i = 0; i < 3; i++)
        {
            grants.Add((await user.OpenSession(new OpenSession("device " + i))).Value!);
        }

        await user.RevokeAllSessions();

        foreach (var grant in grants)
        {
            Assert.Equal(AccountErrors.InvalidRefreshToken, (await user.Refresh(grant.RefreshToken)).Error);
        }
    }

    [Fact]
    public async Task ATokenOfAnotherUserOrAForgedSecretIsInvalid()
    {
        var alice = await NewUserAsync();
        var bob = await NewUserAsync();
        var grant = (await alice.OpenSession(new OpenSession(null))).Value!;
        var forged = Referral.Grains.Accounts.RefreshTokens.Create(alice.GetPrimaryKey(), grant.FamilyId, out _);

        Assert.Equal(AccountErrors.InvalidRefreshToken, (await bob.Refresh(grant.RefreshToken)).Error);
        Assert.Equal(AccountErrors.InvalidRefreshToken, (await alice.Refresh(forged)).Error);
        Assert.Equal(AccountErrors.InvalidRefreshToken, (await alice.Refresh("rt1.garbage")).Error);
        // A forged secret is not reuse: the family survives.
        Assert.True((await alice.Refresh(grant.RefreshToken)).Ok);
    }

    [Fact]
    public async Task OpeningMoreSessionsThanTheCapRevokesTheLeastRecentlyUsed()
    {
        var user = await NewUserAsync();
        var oldest = (await user.OpenSession(new OpenSession("oldest"))).Value!;
        cluster.Time.Advance(TimeSpan.FromSeconds(1));
        for (var i = 1; i < 20; i++)
        {
            await user.OpenSession(new OpenSession("device " + i));
        }

        Assert.True((await user.Refresh(oldest.RefreshToken)).Ok, "20 sessions are within the cap");
        await user.OpenSession(new OpenSession("one more"));

        var live = (await user.Export()).Value!.Sessions.Count(s => !s.Revoked);
        Assert.Equal(20, live);
    }

    [Fact]
    public async Task EndedFamiliesArePrunedAfterAWeek()
    {
        var user = await NewUserAsync();
        var ended = (await user.OpenSession(new OpenSession("old phone"))).Value!;
        await user.RevokeSession(ended.FamilyId);
        cluster.Time.Advance(TimeSpan.FromDays(7));

        await user.OpenSession(new OpenSession("new phone"));

        var sessions = (await user.Export()).Value!.Sessions;
        Assert.DoesNotContain(sessions, s => s.FamilyId == ended.FamilyId);
        Assert.Single(sessions);
    }
}
