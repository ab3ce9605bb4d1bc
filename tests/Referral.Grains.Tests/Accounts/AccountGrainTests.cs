using Referral.Grains.Abstractions.Accounts;
using Referral.Grains.Accounts;
using Xunit;
using static Referral.Grains.Tests.Accounts.AccountTestData;

namespace Referral.Grains.Tests.Accounts;

[Collection(SharedAccountsCluster.Name)]
public sealed class AccountGrainTests(AccountsCluster cluster)
{
    private IClusterClient Client => cluster.Client;

    [Fact]
    public async Task RegisterCreatesAnEmailUserWithPlayerAndHostRoles()
    {
        var email = NewEmail();
        var command = Register(email);

        var outcome = await Client.Account(email).Register(command);

        Assert.True(outcome.Ok, outcome.Error);
        var view = outcome.Value!;
        Assert.Equal(command.UserId, view.Id);
        Assert.Equal(email, view.Email);
        Assert.Equal("Ada Lovelace", view.DisplayName);
        Assert.Equal("en", view.Locale);
        Assert.Equal("FRIEND-42", view.ReferralCode);
        Assert.False(view.IsGuest);
        Assert.Equal([Roles.Player, Roles.Host], view.Roles);
        Assert.Equal(cluster.Time.GetUtcNow(), view.CreatedAt);
        AssertSameUser(view, await Client.User(command.UserId).Find());
    }

    [Fact]
    public async Task GrantAdminAddsTheAdminRole()
    {
        var email = NewEmail();
        var outcome = await Client.Account(email).Register(Register(email, admin: true));
        Assert.Equal([Roles.Player, Roles.Host, Roles.Admin], outcome.Value!.Roles);
    }

    [Fact]
    public async Task LoginWithTheRightPasswordReturnsTheUserId()
    {
        var email = NewEmail();
        var command = Register(email);
        await Client.Account(email).Register(command);

        // The key is computed from the normalised email, so case and spaces do not matter.
        var check = await Client.Account("  " + email.ToUpperInvariant()).VerifyPassword(Password);

        Assert.Equal(new LoginCheck(command.UserId, null, null), check);
    }

    [Fact]
    public async Task ASecondRegistrationOfTheSameEmailIsEmailTaken()
    {
        var email = NewEmail();
        await Client.Account(email).Register(Register(email));

        var second = await Client.Account(email).Register(Register(email));

        Assert.Equal(AccountErrors.EmailTaken, second.Error);
    }

    [Fact]
    public async Task ARetryWithTheSameUserIdAndPasswordSucceedsWithTheSameUser()
    {
        var email = NewEmail();
        var command = Register(email);
        var first = await Client.Account(email).Register(command);

        var retry = await Client.Account(email).Register(command);

        Assert.True(retry.Ok, retry.Error);
        AssertSameUser(first.Value, retry.Value);
    }

    [Fact]
    public async Task ARetryWithTheSameUserIdButAnotherPasswordIsEmailTaken()
    {
        var email = NewEmail();
        var command = Register(email);
        await Client.Account(email).Register(command);

        var retry = await Client.Account(email).Register(command with { Password = "another-long-passphrase-7" });

        Assert.Equal(AccountErrors.EmailTaken, retry.Error);
    }

    [Fact]
    public async Task ARegistrationInterruptedBeforeTheUserWasCreatedCompletesOnRetry()
    {
        // What a silo crash between the two steps leaves: the account stored, no user yet.
        var email = NewEmail();
        var command = Register(email);
        var account = Client.Account(email);
        await cluster.WriteStoredStateAsync(account, "account", new AccountState
        {
            UserId = command.UserId,
            PasswordHash = new PasswordHasher(AccountsCluster.TestHashing).Hash(Password),
        });
        Assert.Null(await Client.User(command.UserId).Find());

        var retry = await account.Register(command);

        Assert.True(retry.Ok, retry.Error);
        Assert.Equal(command.UserId, retry.Value!.Id);
        Assert.Equal(email, (await Client.User(command.UserId).Find())!.Email);
    }

    [Fact]
    public async Task AnEmailHeldByADeletedUserCanBeRegisteredAgain()
    {
        // The api deletes the user, then releases the account; if it died in between, the
        // account must not keep the email forever.
        var email = NewEmail();
        var first = Register(email);
        await Client.Account(email).Register(first);
        await Client.User(first.UserId).Delete();

        var next = Register(email);
        var outcome = await Client.Account(email).Register(next);

        Assert.True(outcome.Ok, outcome.Error);
        Assert.Equal(next.UserId, (await Client.Account(email).VerifyPassword(Password)).UserId);
    }

    [Theory]
    [InlineData("short1", PasswordRejection.TooShort)]
    [InlineData("password123", PasswordRejection.Common)]
    public async Task RegisterRefusesAPasswordAgainstPolicyWithTheReason(string password, string reason)
    {
        var email = NewEmail();
        var outcome = await Client.Account(email).Register(Register(email, password: password));

        Assert.Equal(AccountErrors.PasswordPolicy, outcome.Error);
        Assert.Equal(reason, outcome.Detail);
        Assert.Null((await Client.Account(email).VerifyPassword(password)).UserId);
    }

    [Theory]
    [InlineData("A", "en", ProfileRules.DisplayNameField)]
    [InlineData("Ada", "de", ProfileRules.LocaleField)]
    public async Task RegisterRefusesAnInvalidProfileNamingTheField(string displayName, string locale, string field)
    {
        var email = NewEmail();
        var outcome = await Client.Account(email).Register(Register(email) with { DisplayName = displayName, Locale = locale });

        Assert.Equal(AccountErrors.InvalidProfile, outcome.Error);
        Assert.Equal(field, outcome.Detail);
    }

    [Fact]
    public async Task AnUnknownEmailIsAnsweredExactlyLikeAWrongPassword()
    {
        var known = NewEmail();
        await Client.Account(known).Register(Register(known));

        var wrongPassword = await Client.Account(known).VerifyPassword("not-the-password-1");
        var unknownEmail = await Client.Account(NewEmail()).VerifyPassword("not-the-password-1");

        Assert.Equal(new LoginCheck(null, AccountErrors.InvalidCredentials, null), wrongPassword);
        Assert.Equal(wrongPassword, unknownEmail);
    }

    [Fact]
    public async Task AnUnknownEmailLeavesNoStoredState()
    {
        var email = NewEmail();
        await Client.Account(email).VerifyPassword("guessing-a-password");

        var stored = await cluster.StoredStateAsync<AccountState>(Client.Account(email), "account");
        Assert.Null(stored.UserId);
        Assert.Empty(stored.FailedLogins);
    }

    [Fact]
    public async Task TheLoginAfterOneHundredFailuresInAnHourIsLockedOutEvenWithTheRightPassword()
    {
        var email = NewEmail();
        var command = Register(email);
        var account = Client.Account(email);
        await account.Register(command);
        var start = cluster.Time.GetUtcNow();

        for (var i = 0; i < 100; i++)
        {
            var failed = await account.VerifyPassword("wrong-guess-" + i);
            Assert.True(failed.Error == AccountErrors.InvalidCredentials, $"attempt {i + 1} answered {failed.Error}");
            cluster.Time.Advance(TimeSpan.FromSeconds(30));
        }

        var locked = await account.VerifyPassword(Password);

        Assert.Equal(AccountErrors.LockedOut, locked.Error);
        Assert.Null(locked.UserId);
        // The first failure (at start) leaves the one-hour window first.
        Assert.Equal(start + TimeSpan.FromHours(1) - cluster.Time.GetUtcNow(), locked.RetryAfter);

        cluster.Time.Advance(locked.RetryAfter!.Value);
        Assert.Equal(command.UserId, (await account.VerifyPassword(Password)).UserId);
    }

    [Fact]
    public async Task AnUnknownEmailLocksOutLikeAKnownOne()
    {
        var account = Client.Account(NewEmail());
        for (var i = 0; i < 100; i++)
        {
            await account.VerifyPassword("wrong-guess-" + i);
        }

        var locked = await account.VerifyPassword("wrong-guess-x");

        Assert.Equal(AccountErrors.LockedOut, locked.Error);
        Assert.Equal(TimeSpan.FromHours(1), locked.RetryAfter);
        cluster.Time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(AccountErrors.InvalidCredentials, (await account.VerifyPassword("wrong-guess-y")).Error);
    }

    [Fact]
    public async Task ASuccessfulLoginDoesNotResetTheFailureWindow()
    {
        var email = NewEmail();
        var account = Client.Account(email);
        await account.Register(Register(email));
        for (var i = 0; i < 99; i++)
        {
            await account.VerifyPassword("wrong-guess-" + i);
        }

        Assert.NotNull((await account.VerifyPassword(Password)).UserId);
        await account.VerifyPassword("wrong-guess-99");

        Assert.Equal(AccountErrors.LockedOut, (await account.VerifyPassword(Password)).Error);
        cluster.Time.Advance(TimeSpan.FromHours(1));
    }

    [Fact]
    public async Task LoginRehashesAHashWeakerThanTheConfiguredCost()
    {
        // An account hashed when the configured cost was lower.
        var email = NewEmail();
        var account = Client.Account(email);
        var userId = Guid.NewGuid();
        var weak = new PasswordHasher(new Argon2Parameters(MemoryKiB: 32, Iterations: 1)).Hash(Password);
        await cluster.WriteStoredStateAsync(account, "account", new AccountState { UserId = userId, PasswordHash = weak });

        Assert.Equal(userId, (await account.VerifyPassword(Password)).UserId);

        var stored = (await cluster.StoredStateAsync<AccountState>(account, "account")).PasswordHash!;
        Assert.NotEqual(weak, stored);
        Assert.True(PhcString.TryReadParameters(stored, out var parameters), stored);
        Assert.Equal(AccountsCluster.TestHashing, parameters);
        Assert.Equal(userId, (await account.VerifyPassword(Password)).UserId);
    }

    [Fact]
    public async Task ChangingThePasswordRevokesEverySession()
    {
        var email = NewEmail();
        var account = Client.Account(email);
        var command = Register(email);
        await account.Register(command);
        var user = Client.User(command.UserId);
        var phone = (await user.OpenSession(new OpenSession("phone"))).Value!;
        var laptop = (await user.OpenSession(new OpenSession("laptop"))).Value!;
        const string next = "a-brand-new-passphrase-2";

        var changed = await account.ChangePassword(command.UserId, Password, next);

        Assert.True(changed.Ok, changed.Error);
        Assert.Equal(AccountErrors.InvalidRefreshToken, (await user.Refresh(phone.RefreshToken)).Error);
        Assert.Equal(AccountErrors.InvalidRefreshToken, (await user.Refresh(laptop.RefreshToken)).Error);
        Assert.Equal(AccountErrors.InvalidCredentials, (await account.VerifyPassword(Password)).Error);
        Assert.Equal(command.UserId, (await account.VerifyPassword(next)).UserId);
    }

    [Fact]
    public async Task ChangingThePasswordNeedsTheCurrentPasswordTheOwnerAndThePolicy()
    {
        var email = NewEmail();
        var account = Client.Account(email);
        var command = Register(email);
        await account.Register(command);

        Assert.Equal(AccountErrors.InvalidCredentials, (await account.ChangePassword(command.UserId, "not-it-at-all", "a-brand-new-passphrase-2")).Error);
        Assert.Equal(AccountErrors.InvalidCredentials, (await account.ChangePassword(Guid.NewGuid(), Password, "a-brand-new-passphrase-2")).Error);
        var weak = await account.ChangePassword(command.UserId, Password, "qwertyuiop");
        Assert.Equal((AccountErrors.PasswordPolicy, PasswordRejection.Common), (weak.Error, weak.Detail));
        Assert.Equal(command.UserId, (await account.VerifyPassword(Password)).UserId);
    }

    [Fact]
    public async Task ReleaseFreesTheEmailAndIsIdempotent()
    {
        var email = NewEmail();
        var account = Client.Account(email);
        var command = Register(email);
        await account.Register(command);

        await account.Release(Guid.NewGuid());
        Assert.Equal(command.UserId, (await account.VerifyPassword(Password)).UserId);

        await account.Release(command.UserId);
        await account.Release(command.UserId);

        Assert.Equal(AccountErrors.InvalidCredentials, (await account.VerifyPassword(Password)).Error);
        Assert.True((await account.Register(Register(email))).Ok);
    }
}
