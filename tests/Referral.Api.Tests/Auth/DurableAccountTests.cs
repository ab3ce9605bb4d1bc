using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans.Storage;
using Referral.Api.Auth;
using Referral.Grains.Abstractions;
using Referral.Grains.Abstractions.Accounts;
using Referral.Grains.Accounts;
using Referral.Silo.Hosting;
using Referral.Silo.Persistence;
using Referral.Testing;
using Xunit;

namespace Referral.Api.Tests.Auth;

/// <summary>
/// Accounts in PostgreSQL mode: they survive a restart of the whole server, personal data never
/// reaches a row in clear, the export holds it all, and deletion erases it.
/// </summary>
public sealed class DurableAccountTests(PostgresServer postgres) : IClassFixture<PostgresServer>
{
    /// <summary>How ASP.NET Core Data Protection output begins (its magic header, base64url).</summary>
    private const string DataProtectionMagic = "CfDJ8";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AccountsSurviveARestartAndDeletionErasesThemWithNothingInClearInStorage()
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        var email = AuthClient.NewEmail("durable");
        const string DisplayName = "Durable Dorothea";
        string referralCode;
        TestUser registered;
        TestUser upgraded;

        await using (var first = Durable(connectionString))
        {
            await first.InitializeAsync();
            using var http = first.CreateHttpClient();
            await Eventually.Get(http, "health/ready", HttpStatusCode.OK, TimeSpan.FromSeconds(60), Ct);
            using (var admin = first.CreateHttpClient(await first.AdminAsync(Ct)))
            {
                var campaign = await AccountsApiFixture.CreateCampaignAsync(admin, Ct);
                var referrer = await http.GuestAsync(displayName: "Durable Referrer", ct: Ct);
                using var asReferrer = first.CreateHttpClient(referrer);
                referralCode = (await asReferrer.GetFromJsonAsync<JsonElement>($"api/me/referrals/{campaign}", Ct)).GetProperty("code").GetString()!;
            }

            var response = await http.PostAsJsonAsync("api/auth/register",
                new { email, password = AuthClient.Password, displayName = DisplayName, locale = "en", referralCode, device = "Durable Phone" }, Ct);
            registered = await AuthClient.ReadUser(response, HttpStatusCode.Created, "register", email, AuthClient.Password, null, Ct);

            var guest = await http.GuestAsync(displayName: "Durable Guest", ct: Ct);
            using var asGuest = first.CreateHttpClient(guest);
            var upgrade = await asGuest.PostAsJsonAsync("api/me/upgrade", new { email = AuthClient.NewEmail("durable-upgrade"), password = AuthClient.Password }, Ct);
            upgraded = await AuthClient.ReadUser(upgrade, HttpStatusCode.OK, "upgrade", null, AuthClient.Password, null, Ct);
            Assert.Equal(guest.Id, upgraded.Id);
        }

        // The referral code is not among them: it is a public identifier its owner shares in links,
        // and the referral engine looks it up by value (docs/referrals.md).
        var needles = new[] { email, DisplayName, "Durable Phone", "Durable Guest" };
        Assert.Equal(0, await MatchesOfAny(connectionString, needles));

        await using var second = Durable(connectionString);
        await second.InitializeAsync();
        using var http2 = second.CreateHttpClient();
        await Eventually.Get(http2, "health/ready", HttpStatusCode.OK, TimeSpan.FromSeconds(60), Ct);

        // Keys are the same across the restart: the old refresh token and the password still work.
        var refreshed = await http2.RefreshAsync(registered, Ct);
        var login = await http2.LoginAsync(email, ct: Ct);
        Assert.Equal(registered.Id, login.Id);
        using var signedIn = second.CreateHttpClient(refreshed);
        var export = await signedIn.GetFromJsonAsync<JsonElement>("api/me/export", Ct);
        Assert.Equal(email, export.GetProperty("user").GetProperty("email").GetString());
        Assert.Equal(DisplayName, export.GetProperty("user").GetProperty("displayName").GetString());
        Assert.Equal(referralCode, export.GetProperty("user").GetProperty("referralCode").GetString());
        Assert.Contains("Durable Phone", export.GetProperty("deviceLabels").EnumerateArray().Select(d => d.GetString()));
        using (var asUpgraded = second.CreateHttpClient(await http2.RefreshAsync(upgraded, Ct)))
        {
            var me = await asUpgraded.GetFromJsonAsync<JsonElement>("api/me", Ct);
            Assert.Equal("Durable Guest", me.GetProperty("displayName").GetString());
            Assert.False(me.GetProperty("isGuest").GetBoolean());
        }

        // Four users hold encrypted personal fields (Data Protection output starts "CfDJ8"): the
        // two above, the admin and the referrer.
        Assert.Equal(4, await UserRowsHolding(connectionString, Encoding.ASCII.GetBytes(DataProtectionMagic)));
        Assert.Equal(1, await RowsHolding(connectionString, DataProtectionMagic, Encoding.ASCII.GetBytes(DataProtectionMagic), "referral"));

        Assert.Equal(HttpStatusCode.NoContent, (await signedIn.DeleteAsync(new Uri("api/me", UriKind.Relative), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await signedIn.GetAsync(new Uri("api/me/export", UriKind.Relative), Ct)).StatusCode);
        await ProblemAssert.Is(await http2.PostAsJsonAsync("api/auth/login", new { email, password = AuthClient.Password }, Ct),
            HttpStatusCode.Unauthorized, "invalid_credentials");

        // Erased, not just unreachable: the deleted user's row no longer holds the ciphertext, so
        // not even the key ring brings the data back; and the email is free again.
        Assert.Equal(0, await MatchesOfAny(connectionString, needles));
        Assert.Equal(3, await UserRowsHolding(connectionString, Encoding.ASCII.GetBytes(DataProtectionMagic)));
        Assert.Equal(0, await RowsHolding(connectionString, DataProtectionMagic, Encoding.ASCII.GetBytes(DataProtectionMagic), "referral"));
        var again = await http2.RegisterAsync(email, ct: Ct);
        Assert.NotEqual(registered.Id, again.Id);
    }

    [Fact]
    public async Task AGuestDeviceLinkedByAnEarlierVersionKeepsItsGuestAndNewDevicesGetComputedIds()
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        await using var api = Durable(connectionString);
        await api.InitializeAsync();
        using var http = api.CreateHttpClient();
        await Eventually.Get(http, "health/ready", HttpStatusCode.OK, TimeSpan.FromSeconds(60), Ct);
        var settings = api.Services.GetRequiredService<ReferralSettings>();
        using (var before = new LegacyDeviceLinks(settings))
        {
            Assert.False(await before.PresentAsync());
        }

        // What a version before 2026-11-27 left behind: a guest at a random id and its device's
        // link, written through the silo's own storage as the device grain wrote it.
        var deviceId = AuthClient.NewDeviceId();
        var linked = Guid.NewGuid();
        await api.Services.GetRequiredService<IGrainFactory>().GetGrain<IUserGrain>(linked)
            .Create(new CreateUser("Old Timer", "en", null, null, [Roles.Player]));
        var deviceKey = AccountKeys.ForDevice(api.Services.GetRequiredService<AuthKeys>().AccountKeySecret, deviceId);
        await api.Services.GetRequiredKeyedService<IGrainStorage>(StorageNames.Default)
            .WriteStateAsync(DeviceGrain.StateName, GrainId.Create("device", deviceKey), new GrainState<DeviceState>(new DeviceState { UserId = linked }));
        using (var after = new LegacyDeviceLinks(settings))
        {
            Assert.True(await after.PresentAsync());
        }

        var returning = await http.GuestAsync(deviceId, ct: Ct);
        var fresh = await http.GuestAsync(ct: Ct);

        Assert.Equal(linked, returning.Id);
        Assert.Equal(8, fresh.Id.Version);
        Assert.Equal(fresh.Id, (await http.GuestAsync(fresh.DeviceId, ct: Ct)).Id);
    }

    private static ReferralApiFactory Durable(string connectionString)
    {
        var api = new ReferralApiFactory();
        api.Settings["ConnectionStrings:Referral"] = connectionString;
        return api;
    }

    /// <summary>Matches of any needle, as UTF-8 or UTF-16 text, in grain-state keys and payloads (0 means none anywhere).</summary>
    private static async Task<long> MatchesOfAny(string connectionString, IEnumerable<string> needles)
    {
        long total = 0;
        foreach (var needle in needles)
        {
            total += await RowsHolding(connectionString, needle, Encoding.UTF8.GetBytes(needle));
            total += await RowsHolding(connectionString, needle, Encoding.Unicode.GetBytes(needle));
        }

        return total;
    }

    private static Task<long> UserRowsHolding(string connectionString, byte[] bytes) =>
        RowsHolding(connectionString, "\u0001never-in-a-key", bytes, "user");

    /// <summary>Rows holding the text (in the key) or bytes (in the payload); with <paramref name="grainType"/>, rows of that grain type only.</summary>
    private static async Task<long> RowsHolding(string connectionString, string text, byte[] bytes, string? grainType = null)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM orleans_grain_state WHERE (position(@bytes in coalesce(payload, ''::bytea)) > 0 OR position(@text in coalesce(grain_id_extension, '')) > 0)"
            + " AND (@type::text IS NULL OR grain_type = @type)",
            connection);
        command.Parameters.AddWithValue("bytes", bytes);
        command.Parameters.AddWithValue("text", text);
        command.Parameters.AddWithValue("type", (object?)grainType ?? DBNull.Value);
        return (long)(await command.ExecuteScalarAsync(Ct))!;
    }
}
