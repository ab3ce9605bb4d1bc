using System.Security.Cryptography;
using System.Text;
using Referral.Grains.Abstractions.Accounts;
using Referral.Grains.Tests.Persistence;
using Referral.Testing;
using Xunit;
using static Referral.Grains.Tests.Accounts.AccountTestData;

namespace Referral.Grains.Tests.Accounts;

/// <summary>
/// Accounts on the product's durable configuration: what PostgreSQL holds after register, export
/// and delete, and that personal data outlives a restart only with the right master key.
/// </summary>
[Collection(SharedPostgres.Name)]
public sealed class AccountsOnPostgresTests(PostgresServer postgres)
{
    private static readonly string MasterKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ExportShowsAndDeleteErasesPersonalDataThatPostgresOnlyEverHoldsEncrypted()
    {
        var db = await postgres.CreateMigratedDatabaseAsync();
        await using var silo = await ProductSilo.StartAsync(db, MasterKey, Ct);
        var email = NewEmail();
        var command = Register(email);
        var account = silo.Client.Account(email);

        Assert.True((await account.Register(command)).Ok);
        Assert.Equal(command.UserId, (await account.VerifyPassword(Password)).UserId);
        var user = silo.Client.User(command.UserId);
        await user.OpenSession(new OpenSession("Pixel 8"));

        var export = (await user.Export()).Value!;
        Assert.Equal(email, export.User.Email);
        Assert.Equal("Ada Lovelace", export.User.DisplayName);
        Assert.Equal(["Pixel 8"], export.DeviceLabels);

        var payloads = await PayloadsAsync(db);
        Assert.Contains(payloads, p => p.Contains("$argon2id$v=19$m=19456,t=2,p=1$", StringComparison.Ordinal));
        AssertNoPersonalData(payloads, email);

        Assert.True((await user.Delete()).Ok);
        await account.Release(command.UserId);

        Assert.Null(await user.Find());
        Assert.Equal(AccountErrors.InvalidCredentials, (await account.VerifyPassword(Password)).Error);
        payloads = await PayloadsAsync(db);
        AssertNoPersonalData(payloads, email);
        Assert.DoesNotContain(payloads, p => p.Contains("$argon2id$", StringComparison.Ordinal));

        var keys = await Db.RowsAsync(db, "SELECT xml FROM data_protection_keys");
        Assert.NotEmpty(keys);
        Assert.All(keys, k => Assert.DoesNotContain("<masterKey", (string)k[0], StringComparison.Ordinal));
        Assert.All(keys, k => Assert.Contains("referralEncryptedKey", (string)k[0], StringComparison.Ordinal));
    }

    [Fact]
    public async Task PersonalDataIsReadableAfterARestartWithTheSameMasterKeyOnly()
    {
        var db = await postgres.CreateMigratedDatabaseAsync();
        var email = NewEmail();
        var command = Register(email);
        await using (var first = await ProductSilo.StartAsync(db, MasterKey, Ct))
        {
            Assert.True((await first.Client.Account(email).Register(command)).Ok);
        }

        await using (var second = await ProductSilo.StartAsync(db, MasterKey, Ct))
        {
            var user = await second.Client.User(command.UserId).Find();
            Assert.Equal(email, user?.Email);
            Assert.Equal(1L, await Db.ScalarAsync<long>(db, "SELECT count(*) FROM data_protection_keys"));
        }

        var otherKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var error = await Assert.ThrowsAnyAsync<Exception>(async () => await (await ProductSilo.StartAsync(db, otherKey, Ct)).DisposeAsync());
        Assert.Contains("DataProtection:MasterKey", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFormerMasterKeyListedAsRetiredStillOpensTheKeyRing()
    {
        var db = await postgres.CreateMigratedDatabaseAsync();
        var email = NewEmail();
        var command = Register(email);
        await using (var first = await ProductSilo.StartAsync(db, MasterKey, Ct))
        {
            Assert.True((await first.Client.Account(email).Register(command)).Ok);
        }

        var newKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        await using var rotated = await ProductSilo.StartAsync(db, newKey, Ct, retiredMasterKey: MasterKey);
        Assert.Equal(email, (await rotated.Client.User(command.UserId).Find())?.Email);
    }

    private static async Task<List<string>> PayloadsAsync(string db)
    {
        var rows = await Db.RowsAsync(db, "SELECT payload FROM orleans_grain_state WHERE payload IS NOT NULL");
        return [.. rows.Select(r => Encoding.UTF8.GetString((byte[])r[0]))];
    }

    private static void AssertNoPersonalData(List<string> payloads, string email)
    {
        Assert.NotEmpty(payloads);
        foreach (var payload in payloads)
        {
            Assert.DoesNotContain(email, payload, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Ada Lovelace", payload, StringComparison.Ordinal);
            Assert.DoesNotContain("FRIEND-42", payload, StringComparison.Ordinal);
            Assert.DoesNotContain("Pixel 8", payload, StringComparison.Ordinal);
        }
    }
}
