using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Referral.Grains.Abstractions.Diagnostics;
using Referral.Testing;
using Xunit;

namespace Referral.Cluster.Tests;

/// <summary>
/// The cluster topology with real processes: PostgreSQL, two silo processes and one api process
/// that is only an Orleans client. Killing a silo with SIGKILL must lose no persisted state and
/// must not stop the api from serving.
/// </summary>
public sealed class SiloFailoverTests(PostgresServer postgres) : IClassFixture<PostgresServer>
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan FailoverBudget = TimeSpan.FromSeconds(30);
    private static readonly string AdminEmail = $"operator-{Guid.NewGuid():N}@referral.test";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task StateWrittenThroughTheApiSurvivesKillingTheSiloThatHostsIt()
    {
        var connectionString = await postgres.CreateMigratedDatabaseAsync();
        var clusterId = "failover-" + Guid.NewGuid().ToString("N")[..8];

        // Secrets of this deployment: every silo shares the master key of the personal-data key
        // ring; the api holds the token signing key and the account-key secret.
        var masterKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var silos = new Dictionary<int, ServerProcess>();
        var processes = new List<ServerProcess>();
        try
        {
            for (var i = 0; i < 2; i++)
            {
                var siloPort = FreePort.Next();
                var silo = ServerProcess.Start($"silo{i}", "silo", "Referral.Silo", new Dictionary<string, string>
                {
                    ["ConnectionStrings__Referral"] = connectionString,
                    ["Orleans__ClusterId"] = clusterId,
                    ["Orleans__SiloPort"] = siloPort.ToString(CultureInfo.InvariantCulture),
                    ["Orleans__GatewayPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
                    ["Urls"] = $"http://127.0.0.1:{FreePort.Next()}",
                    ["DataProtection__MasterKey"] = masterKey,
                });
                silos[siloPort] = silo;
                processes.Add(silo);
            }

            var apiUrl = $"http://127.0.0.1:{FreePort.Next()}/";
            var api = ServerProcess.Start("api", "api", "Referral.Api", new Dictionary<string, string>
            {
                ["ConnectionStrings__Referral"] = connectionString,
                ["Orleans__ClusterId"] = clusterId,
                ["Orleans__Role"] = "Client",
                ["Urls"] = apiUrl.TrimEnd('/'),
                ["Auth__SigningKeys__0__Id"] = "cluster-test",
                ["Auth__SigningKeys__0__Key"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
                ["Auth__AccountKeySecret"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
                ["Auth__Admins__0"] = AdminEmail,

                // Production environment, but plain HTTP on loopback: no TLS reaches this process.
                ["Security__RequireHttps"] = "false",
            });
            processes.Add(api);

            using var http = new HttpClient { BaseAddress = new Uri(apiUrl), Timeout = TimeSpan.FromSeconds(10) };
            await WithOutput(processes, () => Eventually.Get(http, "health/ready", HttpStatusCode.OK, StartTimeout, Ct), "api ready");

            // The probes are operator endpoints: sign in as the configured admin first.
            var unauthenticated = await http.GetAsync(new Uri("api/diagnostics/cluster", UriKind.Relative), Ct);
            Assert.Equal(HttpStatusCode.Unauthorized, unauthenticated.StatusCode);
            var admin = await WithOutput(processes, () => http.RegisterAsync(AdminEmail, ct: Ct), "admin registration");
            Assert.Contains("admin", admin.Roles);
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", admin.AccessToken);
            await WithOutput(processes, () => Eventually.Until(
                async () =>
                {
                    var cluster = await http.GetFromJsonAsync<ClusterDto>("api/diagnostics/cluster", Ct);
                    return cluster!.Silos.Count(s => s.Status == "Active") == 2 ? cluster : null;
                },
                StartTimeout,
                "two active silos in the membership table",
                Ct), "cluster formed");

            // Write several probes so both silos host some: the one we kill is the host of the first.
            var keys = Enumerable.Range(0, 8).Select(i => $"failover-{i}-{Guid.NewGuid():N}"[..30]).ToList();
            var written = new Dictionary<string, ProbeView>();
            foreach (var key in keys)
            {
                var response = await http.PutAsJsonAsync($"api/diagnostics/probes/{key}", new { value = "v-" + key }, Ct);
                response.EnsureSuccessStatusCode();
                written[key] = (await response.Content.ReadFromJsonAsync<ProbeView>(Ct))!;
            }

            var victimPort = SiloPort(written[keys[0]].Silo);
            Assert.True(silos.ContainsKey(victimPort), $"probe host {written[keys[0]].Silo} is not one of our silos");
            var victim = silos[victimPort];
            await victim.KillHardAsync();
            var killedAt = DateTime.UtcNow;

            foreach (var key in keys)
            {
                var view = await WithOutput(processes, () => Eventually.Until(
                    async () =>
                    {
                        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(Ct);
                        attempt.CancelAfter(TimeSpan.FromSeconds(5));
                        var read = await http.GetFromJsonAsync<ProbeView>($"api/diagnostics/probes/{key}", attempt.Token);
                        return read is not null && SiloPort(read.Silo) != victimPort ? read : null;
                    },
                    FailoverBudget - (DateTime.UtcNow - killedAt),
                    $"probe {key} read back from the surviving silo after killing {victim.Name} (pid {victim.Pid})",
                    Ct), "failover");

                Assert.Equal("v-" + key, view.Value);
                Assert.Equal(1, view.Writes);
            }

            var failover = DateTime.UtcNow - killedAt;
            TestContext.Current.TestOutputHelper?.WriteLine($"All {keys.Count} probes read back {failover.TotalSeconds:0.0}s after SIGKILL of {victim.Name}.");

            // The api keeps serving writes after the failover.
            var after = await http.PutAsJsonAsync($"api/diagnostics/probes/{keys[0]}", new { value = "after" }, Ct);
            after.EnsureSuccessStatusCode();
            var afterView = (await after.Content.ReadFromJsonAsync<ProbeView>(Ct))!;
            Assert.Equal(2, afterView.Writes);
            Assert.False(api.HasExited, "the api process must keep running");
        }
        finally
        {
            foreach (var process in processes)
            {
                await process.DisposeAsync();
            }
        }
    }

    private static int SiloPort(string siloAddress)
    {
        // Orleans prints silo addresses as S<ip>:<port>:<generation>.
        var parts = siloAddress.TrimStart('S').Split(':');
        return int.Parse(parts[^2], CultureInfo.InvariantCulture);
    }

    private static async Task<T> WithOutput<T>(IEnumerable<ServerProcess> processes, Func<Task<T>> action, string phase)
    {
        try
        {
            return await action();
        }
        catch (Exception ex)
        {
            var output = string.Join(Environment.NewLine, processes.Select(p => p.OutputTail));
            throw new InvalidOperationException($"Phase '{phase}' failed: {ex.Message}{Environment.NewLine}--- process output ---{Environment.NewLine}{output}", ex);
        }
    }

    private sealed record ClusterDto(IReadOnlyList<SiloDto> Silos);

    private sealed record SiloDto(string Address, string Status);
}
