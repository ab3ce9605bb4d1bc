using Referral.Grains.Abstractions.Accounts;
using Xunit;
using static Referral.Grains.Tests.Accounts.AccountTestData;

namespace Referral.Grains.Tests.Accounts;

[Collection(SharedAccountsCluster.Name)]
public sealed class GuestTests(AccountsCluster cluster)
{
    private IClusterClient Client => cluster.Client;

    private IDeviceGrain NewDevice() => Client.GetGrain<IDeviceGrain>(DeviceKeyOf("device-" + Guid.NewGuid()));

    [Fact]
    public async Task AGuestSignInCreatesAPlayerWithoutEmail()
    {
        var id = Guid.NewGuid();
        var outcome = await NewDevice().SignInGuest(new GuestSignIn(id, "Quick Fox", "fr"));

        Assert.True(outcome.Ok, outcome.Error);
        Assert.Equal(id, outcome.Value!.Id);
        Assert.True(outcome.Value.IsGuest);
        Assert.Null(outcome.Value.Email);
        Assert.Equal([Roles.Player], outcome.Value.Roles);
    }

    [Fact]
    public async Task TheSameDeviceGetsTheSameGuestBack()
    {
        var device = NewDevice();
        var first = (await device.SignInGuest(new GuestSignIn(Guid.NewGuid(), "Quick Fox", "en"))).Value!;

        var again = (await device.SignInGuest(new GuestSignIn(Guid.NewGuid(), "Another Name", "fr"))).Value!;

        Assert.Equal(first.Id, again.Id);
        Assert.Equal("Quick Fox", again.DisplayName);
    }

    [Fact]
    public async Task ADeviceWhoseGuestWasDeletedGetsANewGuest()
    {
        var device = NewDevice();
        var first = (await device.SignInGuest(new GuestSignIn(Guid.NewGuid(), "Quick Fox", "en"))).Value!;
        await Client.User(first.Id).Delete();

        var nextId = Guid.NewGuid();
        var next = await device.SignInGuest(new GuestSignIn(nextId, "Fresh Start", "en"));

        Assert.Equal(nextId, next.Value!.Id);
    }

    [Fact]
    public async Task ForgetUnlinksOnlyTheNamedUser()
    {
        var device = NewDevice();
        var first = (await device.SignInGuest(new GuestSignIn(Guid.NewGuid(), "Quick Fox", "en"))).Value!;

        await device.Forget(Guid.NewGuid());
        Assert.Equal(first.Id, (await device.SignInGuest(new GuestSignIn(Guid.NewGuid(), "Quick Fox", "en"))).Value!.Id);

        await device.Forget(first.Id);
        var nextId = Guid.NewGuid();
        Assert.Equal(nextId, (await device.SignInGuest(new GuestSignIn(nextId, "Quick Fox", "en"))).Value!.Id);
    }

    [Fact]
    public async Task AGuestSessionCreatesTheGuestWithItsFirstSessionAndAReturningDeviceGetsANewSession()
    {
        var device = NewDevice();
        var id = Guid.NewGuid();

        var first = await device.StartGuestSession(new GuestSignIn(id, "Quick Fox", "fr"), new OpenSession("Phone"));

        Assert.True(first.Ok, first.Error);
        Assert.Equal(id, first.Value!.User.Id);
        Assert.True(first.Value.User.IsGuest);
        Assert.Equal("Quick Fox", first.Value.User.DisplayName);
        Assert.NotNull(await Client.User(id).FindSession(first.Value.FamilyId));
        var rotated = await Client.User(id).Refresh(first.Value.RefreshToken);
        Assert.True(rotated.Ok, rotated.Error);

        var again = await device.StartGuestSession(new GuestSignIn(Guid.NewGuid(), "Another Name", "en"), new OpenSession(null));
        Assert.True(again.Ok, again.Error);
        Assert.Equal(id, again.Value!.User.Id);
        Assert.NotEqual(first.Value.FamilyId, again.Value.FamilyId);
        Assert.NotNull(await Client.User(id).FindSession(again.Value.FamilyId));
    }

    [Fact]
    public async Task AGuestSessionNeverOpensOnAnExistingUser()
    {
        // An email account exists under the id the device is handed.
        var email = NewEmail();
        var account = await Client.Account(email).Register(Register(email));
        Assert.True(account.Ok, account.Error);
        var device = NewDevice();

        var outcome = await device.StartGuestSession(new GuestSignIn(account.Value!.Id, "Quick Fox", "en"), new OpenSession(null));

        Assert.Equal(AccountErrors.UserNotFound, outcome.Error);
        var sessions = await Client.User(account.Value.Id).Export();
        Assert.Empty(sessions.Value!.Sessions);

        // The link was dropped: the next sign-in on this device is a new guest.
        var nextId = Guid.NewGuid();
        var next = await device.StartGuestSession(new GuestSignIn(nextId, "Quick Fox", "en"), new OpenSession(null));
        Assert.Equal(nextId, next.Value!.User.Id);
    }

    [Fact]
    public async Task AGuestSessionWithAnInvalidNameNamesTheFieldAndCreatesNothing()
    {
        var id = Guid.NewGuid();
        var outcome = await NewDevice().StartGuestSession(new GuestSignIn(id, "\u200B", "en"), new OpenSession(null));
        Assert.Equal((AccountErrors.InvalidProfile, "displayName"), (outcome.Error, outcome.Detail));
        Assert.Null(await Client.User(id).Find());
    }

    [Fact]
    public async Task AGuestSignInWithAnInvalidNameNamesTheField()
    {
        var outcome = await NewDevice().SignInGuest(new GuestSignIn(Guid.NewGuid(), "\u200B", "en"));
        Assert.Equal((AccountErrors.InvalidProfile, "displayName"), (outcome.Error, outcome.Detail));
    }

    [Fact]
    public async Task UpgradingAGuestKeepsTheUserIdAndAddsEmailPasswordAndHost()
    {
        var device = NewDevice();
        var guest = (await device.SignInGuest(new GuestSignIn(Guid.NewGuid(), "Quick Fox", "en"))).Value!;
        var email = NewEmail();

        var upgraded = await Client.Account(email).UpgradeGuest(new UpgradeGuest(guest.Id, email, Password, false));

        Assert.True(upgraded.Ok, upgraded.Error);
        Assert.Equal(guest.Id, upgraded.Value!.Id);
        Assert.False(upgraded.Value.IsGuest);
        Assert.Equal(email, upgraded.Value.Email);
        Assert.Equal("Quick Fox", upgraded.Value.DisplayName);
        Assert.Equal([Roles.Player, Roles.Host], upgraded.Value.Roles);
        Assert.Equal(guest.Id, (await Client.Account(email).VerifyPassword(Password)).UserId);

        // The device id alone no longer opens an account that now has a password.
        var afterwards = (await device.SignInGuest(new GuestSignIn(Guid.NewGuid(), "Quick Fox", "en"))).Value!;
        Assert.NotEqual(guest.Id, afterwards.Id);
        Assert.True(afterwards.IsGuest);
    }

    [Fact]
    public async Task UpgradingIsIdempotentAndRefusesNonGuestsAndTakenEmails()
    {
        var guest = (await NewDevice().SignInGuest(new GuestSignIn(Guid.NewGuid(), "Quick Fox", "en"))).Value!;
        var email = NewEmail();
        var command = new UpgradeGuest(guest.Id, email, Password, GrantAdmin: true);

        var first = await Client.Account(email).UpgradeGuest(command);
        var retry = await Client.Account(email).UpgradeGuest(command);

        Assert.True(retry.Ok, retry.Error);
        AssertSameUser(first.Value, retry.Value);
        Assert.Equal([Roles.Player, Roles.Host, Roles.Admin], retry.Value!.Roles);

        var otherEmail = NewEmail();
        Assert.Equal(AccountErrors.NotAGuest, (await Client.Account(otherEmail).UpgradeGuest(command with { Email = otherEmail })).Error);
        // The refused upgrade did not keep the other email.
        Assert.Equal(AccountErrors.InvalidCredentials, (await Client.Account(otherEmail).VerifyPassword(Password)).Error);

        var otherGuest = (await NewDevice().SignInGuest(new GuestSignIn(Guid.NewGuid(), "Slow Turtle", "en"))).Value!;
        Assert.Equal(AccountErrors.EmailTaken, (await Client.Account(email).UpgradeGuest(command with { UserId = otherGuest.Id })).Error);
        Assert.Equal(AccountErrors.UserNotFound, (await Client.Account(NewEmail()).UpgradeGuest(command with { UserId = Guid.NewGuid() })).Error);
    }
}
