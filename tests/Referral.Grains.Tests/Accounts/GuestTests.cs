using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using Referral.Grains.Abstractions;
using Referral.Grains.Abstractions.Accounts;
using Referral.Grains.Accounts;
using Xunit;
using static Referral.Grains.Tests.Accounts.AccountTestData;

namespace Referral.Grains.Tests.Accounts;

/// <summary>
/// Guests by device id (<see cref="GuestDevices"/>): a device's guest lives at a user id computed
/// from the device id; the links of earlier versions (device grains) are still honoured.
/// </summary>
[Collection(SharedAccountsCluster.Name)]
public sealed class GuestTests(AccountsCluster cluster)
{
    private IClusterClient Client => cluster.Client;

    private static string NewDevice() => "device-" + Guid.NewGuid();

    private Task<AccountOutcome<SessionGrant>> SignIn(string device, string name = "Quick Fox", string locale = "en", string? label = null, bool legacyLinks = false) =>
        GuestDevices.StartSessionAsync(Client, KeySecret, device, name, locale, new OpenSession(label), legacyLinks);

    [Fact]
    public async Task AGuestSignInCreatesAPlayerWithoutEmailAtTheDevicesComputedIdWithItsFirstSession()
    {
        var device = NewDevice();

        var outcome = await SignIn(device, locale: "fr", label: "Phone");

        Assert.True(outcome.Ok, outcome.Error);
        var grant = outcome.Value!;
        Assert.True(grant.NewUser);
        Assert.Equal(AccountKeys.ForGuest(KeySecret, device, 0), grant.User.Id);
        Assert.Equal(8, grant.User.Id.Version);
        Assert.True(grant.User.IsGuest);
        Assert.Null(grant.User.Email);
        Assert.Equal("Quick Fox", grant.User.DisplayName);
        Assert.Equal("fr", grant.User.Locale);
        Assert.Equal([Roles.Player], grant.User.Roles);
        Assert.NotNull(await Client.User(grant.User.Id).FindSession(grant.FamilyId));
        var rotated = await Client.User(grant.User.Id).Refresh(grant.RefreshToken);
        Assert.True(rotated.Ok, rotated.Error);
    }

    [Fact]
    public async Task TheSameDeviceGetsTheSameGuestBackWithANewSessionAndOtherDevicesDoNot()
    {
        var device = NewDevice();
        var first = (await SignIn(device)).Value!;

        var again = (await SignIn(device, "Another Name", "fr")).Value!;
        var other = (await SignIn(NewDevice())).Value!;

        Assert.False(again.NewUser);
        Assert.Equal(first.User.Id, again.User.Id);
        Assert.Equal("Quick Fox", again.User.DisplayName);
        Assert.NotEqual(first.FamilyId, again.FamilyId);
        Assert.NotNull(await Client.User(first.User.Id).FindSession(again.FamilyId));
        Assert.NotEqual(first.User.Id, other.User.Id);
        // Surrounding spaces are not part of a device id (as for the device keys before).
        Assert.Equal(first.User.Id, (await SignIn(" " + device + " ")).Value!.User.Id);
    }

    [Fact]
    public async Task ADeviceWhoseGuestWasDeletedGetsANewGuestAndNeverTheDeletedOne()
    {
        var device = NewDevice();
        var first = (await SignIn(device)).Value!.User;
        await Client.User(first.Id).Delete();

        var next = (await SignIn(device, "Fresh Start")).Value!;
        var nextAgain = (await SignIn(device)).Value!;

        Assert.True(next.NewUser);
        Assert.NotEqual(first.Id, next.User.Id);
        Assert.Equal("Fresh Start", next.User.DisplayName);
        Assert.Equal(next.User.Id, nextAgain.User.Id);
        Assert.Null(await Client.User(first.Id).Find());
    }

    [Fact]
    public async Task ADeviceWhoseEveryGuestWasDeletedIsRefusedAfterTheLastGeneration()
    {
        var device = NewDevice();
        var seen = new HashSet<Guid>();
        for (var i = 0; i < GuestDevices.MaxGuestsPerDevice; i++)
        {
            var guest = (await SignIn(device)).Value!;
            Assert.True(guest.NewUser);
            Assert.True(seen.Add(guest.User.Id));
            await Client.User(guest.User.Id).Delete();
        }

        var refused = await SignIn(device);

        Assert.Equal(AccountErrors.DeviceGuestsExhausted, refused.Error);
    }

    [Fact]
    public async Task AGuestSessionWithAnInvalidNameOrLocaleNamesTheFieldAndCreatesNothing()
    {
        var device = NewDevice();

        var badName = await SignIn(device, "\u200B");
        var badLocale = await SignIn(device, locale: "xx-nowhere");

        Assert.Equal((AccountErrors.InvalidProfile, "displayName"), (badName.Error, badName.Detail));
        Assert.Equal((AccountErrors.InvalidProfile, "locale"), (badLocale.Error, badLocale.Detail));
        Assert.Null(await Client.User(AccountKeys.ForGuest(KeySecret, device, 0)).Find());
        Assert.True((await SignIn(device)).Value!.NewUser);
    }

    [Fact]
    public async Task ADeviceLinkOfAnEarlierVersionKeepsItsGuestWhileItIsOne()
    {
        // What versions before 2026-11-27 stored: a device grain linking to a random user id.
        var device = NewDevice();
        var linked = Guid.NewGuid();
        await Client.User(linked).Create(new CreateUser("Old Timer", "en", null, null, [Roles.Player]));
        await WriteLegacyLink(device, linked);

        var resumed = (await SignIn(device, legacyLinks: true)).Value!;
        Assert.Equal(linked, resumed.User.Id);
        Assert.False(resumed.NewUser);
        Assert.Equal("Old Timer", resumed.User.DisplayName);

        // Not read when storage holds no old links (the caller's answer): the computed guest.
        Assert.Equal(AccountKeys.ForGuest(KeySecret, device, 0), (await SignIn(device)).Value!.User.Id);

        // Once the old guest became an email account, the device gets its computed guest.
        var email = NewEmail();
        Assert.True((await Client.Account(email).UpgradeGuest(new UpgradeGuest(linked, email, Password, false))).Ok);
        Assert.Equal(AccountKeys.ForGuest(KeySecret, device, 0), (await SignIn(device, legacyLinks: true)).Value!.User.Id);
    }

    [Fact]
    public async Task AnUnknownDeviceIsNotReadAsLinkedAndALinkToANeverCreatedUserCreatesItThere()
    {
        var device = NewDevice();
        Assert.Equal(AccountKeys.ForGuest(KeySecret, device, 0), (await SignIn(device, legacyLinks: true)).Value!.User.Id);

        // A crash between the old link and the user's creation left a link to nobody.
        var dangling = NewDevice();
        var linked = Guid.NewGuid();
        await WriteLegacyLink(dangling, linked);
        var created = (await SignIn(dangling, legacyLinks: true)).Value!;
        Assert.Equal(linked, created.User.Id);
        Assert.True(created.NewUser);
    }

    private async Task WriteLegacyLink(string device, Guid userId)
    {
        var storage = cluster.Cluster.Silos[0].SiloHost.Services.GetRequiredKeyedService<IGrainStorage>(StorageNames.Default);
        var grainId = GrainId.Create("device", DeviceKeyOf(device));
        await storage.WriteStateAsync(DeviceGrain.StateName, grainId, new GrainState<DeviceState>(new DeviceState { UserId = userId, LinkedAt = DateTimeOffset.UtcNow }));
    }

    [Fact]
    public async Task UpgradingAGuestKeepsTheUserIdAndAddsEmailPasswordAndHost()
    {
        var device = NewDevice();
        var guest = (await SignIn(device)).Value!.User;
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
        var afterwards = (await SignIn(device)).Value!;
        Assert.NotEqual(guest.Id, afterwards.User.Id);
        Assert.Equal(AccountKeys.ForGuest(KeySecret, device, 1), afterwards.User.Id);
        Assert.True(afterwards.User.IsGuest);
        Assert.True(afterwards.NewUser);
    }

    [Fact]
    public async Task UpgradingIsIdempotentAndRefusesNonGuestsAndTakenEmails()
    {
        var guest = (await SignIn(NewDevice())).Value!.User;
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

        var otherGuest = (await SignIn(NewDevice(), "Slow Turtle")).Value!.User;
        Assert.Equal(AccountErrors.EmailTaken, (await Client.Account(email).UpgradeGuest(command with { UserId = otherGuest.Id })).Error);
        Assert.Equal(AccountErrors.UserNotFound, (await Client.Account(NewEmail()).UpgradeGuest(command with { UserId = Guid.NewGuid() })).Error);
    }
}
