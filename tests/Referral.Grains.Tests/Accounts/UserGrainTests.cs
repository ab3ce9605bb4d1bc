using Referral.Grains.Abstractions.Accounts;
using Referral.Grains.Accounts;
using Xunit;
using static Referral.Grains.Tests.Accounts.AccountTestData;

namespace Referral.Grains.Tests.Accounts;

[Collection(SharedAccountsCluster.Name)]
public sealed class UserGrainTests(AccountsCluster cluster)
{
    private IClusterClient Client => cluster.Client;

    private async Task<(IUserGrain User, string Email)> NewUserAsync()
    {
        var email = NewEmail();
        var command = Register(email);
        await Client.Account(email).Register(command);
        return (Client.User(command.UserId), email);
    }

    [Fact]
    public async Task ExportContainsThePersonalDataAndSessionsButNoSecrets()
    {
        var (user, email) = await NewUserAsync();
        var grant = (await user.OpenSession(new OpenSession("Pixel 8"))).Value!;

        var export = (await user.Export()).Value!;

        Assert.Equal(email, export.User.Email);
        Assert.Equal("Ada Lovelace", export.User.DisplayName);
        Assert.Equal("FRIEND-42", export.User.ReferralCode);
        Assert.Equal(["Pixel 8"], export.DeviceLabels);
        var session = Assert.Single(export.Sessions);
        Assert.Equal((grant.FamilyId, "Pixel 8", grant.ExpiresAt, false), (session.FamilyId, session.Device, session.ExpiresAt, session.Revoked));
        Assert.Equal(cluster.Time.GetUtcNow(), export.ExportedAt);
    }

    [Fact]
    public async Task StoredStateHoldsPersonalDataOnlyAsCiphertext()
    {
        var (user, email) = await NewUserAsync();
        await user.OpenSession(new OpenSession("Pixel 8"));

        var stored = await cluster.StoredStateAsync<UserState>(user, "user");

        Assert.NotNull(stored.ProtectedEmail);
        var everyString = string.Join("|", stored.ProtectedDisplayName, stored.ProtectedEmail, stored.ProtectedReferralCode, stored.Families[0].ProtectedDevice);
        Assert.DoesNotContain(email, everyString, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Ada Lovelace", everyString, StringComparison.Ordinal);
        Assert.DoesNotContain("FRIEND-42", everyString, StringComparison.Ordinal);
        Assert.DoesNotContain("Pixel 8", everyString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeleteErasesPersonalDataRevokesSessionsAndKeepsAnAnonymousTombstone()
    {
        var (user, email) = await NewUserAsync();
        var grant = (await user.OpenSession(new OpenSession("Pixel 8"))).Value!;

        var deleted = await user.Delete();

        Assert.True(deleted.Ok, deleted.Error);
        Assert.Equal(user.GetPrimaryKey(), deleted.Value!.Id);
        Assert.True(deleted.Value.Deleted);
        Assert.Equal(ProfileRules.DeletedDisplayName, deleted.Value.DisplayName);
        Assert.Null(deleted.Value.Email);
        Assert.Null(deleted.Value.ReferralCode);
        Assert.Null(await user.Find());
        Assert.Equal(AccountErrors.UserNotFound, (await user.Export()).Error);
        Assert.Equal(AccountErrors.InvalidRefreshToken, (await user.Refresh(grant.RefreshToken)).Error);
        Assert.Equal(AccountErrors.UserNotFound, (await user.OpenSession(new OpenSession(null))).Error);
        Assert.True((await user.Delete()).Ok, "deleting twice is not an error");

        var stored = await cluster.StoredStateAsync<UserState>(user, "user");
        Assert.True(stored.Deleted);
        Assert.Null(stored.ProtectedEmail);
        Assert.Null(stored.ProtectedDisplayName);
        Assert.Null(stored.ProtectedReferralCode);
        Assert.Empty(stored.Families);
        Assert.Empty(stored.Roles);
        _ = email;
    }

    [Fact]
    public async Task ProfileUpdateValidatesEachFieldAndChangesOnlyWhatIsGiven()
    {
        var (user, _) = await NewUserAsync();

        var bad = await user.UpdateProfile(new ProfileUpdate("x", null));
        Assert.Equal((AccountErrors.InvalidProfile, ProfileRules.DisplayNameField), (bad.Error, bad.Detail));
        bad = await user.UpdateProfile(new ProfileUpdate(null, "klingon"));
        Assert.Equal((AccountErrors.InvalidProfile, ProfileRules.LocaleField), (bad.Error, bad.Detail));

        var renamed = await user.UpdateProfile(new ProfileUpdate("  Grace Hopper ", null));
        Assert.Equal(("Grace Hopper", "en"), (renamed.Value!.DisplayName, renamed.Value.Locale));
        var french = await user.UpdateProfile(new ProfileUpdate(null, "fr-FR"));
        Assert.Equal(("Grace Hopper", "fr"), (french.Value!.DisplayName, french.Value.Locale));
    }

    [Fact]
    public async Task SetRolesAcceptsKnownRolesOnlyAndAlwaysKeepsPlayer()
    {
        var (user, _) = await NewUserAsync();

        var invalid = await user.SetRoles(["admin", "root"]);
        Assert.Equal((AccountErrors.InvalidRole, "root"), (invalid.Error, invalid.Detail));

        var admin = await user.SetRoles([Roles.Admin]);
        Assert.Equal([Roles.Player, Roles.Admin], admin.Value!.Roles);
        var none = await user.SetRoles([]);
        Assert.Equal([Roles.Player], none.Value!.Roles);
    }

    [Fact]
    public async Task AnUnknownUserIsNotFound()
    {
        var user = Client.User(Guid.NewGuid());
        Assert.Null(await user.Find());
        Assert.Equal(AccountErrors.UserNotFound, (await user.UpdateProfile(new ProfileUpdate("Somebody", null))).Error);
        Assert.Equal(AccountErrors.UserNotFound, (await user.Delete()).Error);
    }
}
