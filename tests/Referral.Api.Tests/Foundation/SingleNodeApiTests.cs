using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Referral.Grains.Abstractions.Diagnostics;
using Referral.Testing;
using Xunit;

namespace Referral.Api.Tests.Foundation;

/// <summary>The api in its default mode: co-hosted silo, memory storage, real Kestrel.</summary>
public sealed class SingleNodeApiTests(ReferralApiFactory api) : IClassFixture<ReferralApiFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task LiveAndReadyAnswer200OnceTheSiloHasJoined()
    {
        using var http = api.CreateHttpClient();
        var live = await http.GetAsync(new Uri("health/live", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);

        var ready = await Eventually.Get(http, "health/ready", HttpStatusCode.OK, TimeSpan.FromSeconds(30), Ct);
        using var doc = JsonDocument.Parse(await ready.Content.ReadAsStringAsync(Ct));
        Assert.Equal("Healthy", doc.RootElement.GetProperty("checks").GetProperty("orleans-silo").GetProperty("status").GetString());
        Assert.False(doc.RootElement.GetProperty("checks").TryGetProperty("postgresql", out _), "memory mode must not check a database");
    }

    [Fact]
    public async Task ProbeWrittenThroughTheApiIsReadBack()
    {
        using var http = await AdminClient();
        var key = "probe-" + Guid.NewGuid().ToString("N")[..12];
        var first = await http.PutAsJsonAsync($"api/diagnostics/probes/{key}", new { value = "one" }, Ct);
        first.EnsureSuccessStatusCode();
        var second = await http.PutAsJsonAsync($"api/diagnostics/probes/{key}", new { value = "two" }, Ct);
        second.EnsureSuccessStatusCode();

        var read = await http.GetFromJsonAsync<ProbeView>($"api/diagnostics/probes/{key}", Ct);
        Assert.NotNull(read);
        Assert.Equal(key, read.Key);
        Assert.Equal("two", read.Value);
        Assert.Equal(2, read.Writes);
        Assert.NotNull(read.UpdatedAt);
        Assert.False(string.IsNullOrEmpty(read.Silo));
    }

    [Theory]
    [InlineData("Bad_Key", "{\"value\":\"x\"}", "key")]
    [InlineData("good-key", "{}", "value")]
    [InlineData("-leading-dash", "{\"value\":\"x\"}", "key")]
    public async Task InvalidProbeWritesAreRejectedWithNamedFieldsAndChangeNothing(string key, string json, string field)
    {
        using var http = await AdminClient();
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        var response = await http.PutAsync(new Uri($"api/diagnostics/probes/{key}", UriKind.Relative), content, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal("validation_failed", doc.RootElement.GetProperty("code").GetString());
        Assert.True(doc.RootElement.GetProperty("errors").TryGetProperty(field, out _), $"errors should name '{field}': {doc.RootElement}");

        if (field == "value")
        {
            var read = await http.GetFromJsonAsync<ProbeView>($"api/diagnostics/probes/{key}", Ct);
            Assert.Equal(0, read!.Writes);
        }
    }

    [Fact]
    public async Task OverlongProbeValueIsRejected()
    {
        using var http = await AdminClient();
        var response = await http.PutAsJsonAsync("api/diagnostics/probes/long-value", new { value = new string('x', 257) }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var read = await http.GetFromJsonAsync<ProbeView>("api/diagnostics/probes/long-value", Ct);
        Assert.Null(read!.Value);
    }

    [Fact]
    public async Task MalformedJsonGetsAProblemDetailsWithAStableCode()
    {
        using var http = await AdminClient();
        using var content = new StringContent("{not json", System.Text.Encoding.UTF8, "application/json");
        var response = await http.PutAsync(new Uri("api/diagnostics/probes/some-key", UriKind.Relative), content, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal("bad_request", doc.RootElement.GetProperty("code").GetString());
    }

    [Fact]
    public async Task UnknownRouteGetsA404ProblemDetailsWhenSignedInAnd401Otherwise()
    {
        // Deny by default: anonymous callers learn nothing about which routes exist.
        using var anonymous = api.CreateHttpClient();
        var refused = await anonymous.GetAsync(new Uri("api/no-such-thing", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);

        using var http = await AdminClient();
        var response = await http.GetAsync(new Uri("api/no-such-thing", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal("not_found", doc.RootElement.GetProperty("code").GetString());
    }

    [Fact]
    public async Task ClusterViewListsTheCoHostedSiloAsActive()
    {
        using var http = await AdminClient();
        using var doc = JsonDocument.Parse(await http.GetStringAsync(new Uri("api/diagnostics/cluster", UriKind.Relative), Ct));
        var silos = doc.RootElement.GetProperty("silos").EnumerateArray().ToList();
        Assert.Single(silos);
        Assert.Equal("Active", silos[0].GetProperty("status").GetString());
    }

    private async Task<HttpClient> AdminClient() => api.CreateHttpClient(await api.AdminAsync(Ct));

    [Fact]
    public async Task OpenApiDocumentDescribesTheEndpoints()
    {
        using var http = api.CreateHttpClient();
        using var doc = JsonDocument.Parse(await http.GetStringAsync(new Uri("openapi/v1.json", UriKind.Relative), Ct));
        var paths = doc.RootElement.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/diagnostics/probes/{key}", out var probe), "probe path missing");
        Assert.True(probe.TryGetProperty("put", out _));
        Assert.True(probe.TryGetProperty("get", out _));
        Assert.True(paths.TryGetProperty("/api/diagnostics/cluster", out _), "cluster path missing");
    }

    [Fact]
    public async Task HubAnswersServerTimeOverWebSockets()
    {
        await using var hub = api.CreateHubConnection(await api.AdminAsync(Ct));
        await hub.StartAsync(Ct);
        var before = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var clock = await hub.InvokeAsync<JsonElement>("ServerTime", Ct);
        var after = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

        var server = clock.GetProperty("serverTimeMs").GetInt64();
        Assert.InRange(server, before, after);
        Assert.Equal(HubConnectionState.Connected, hub.State);
    }

    [Fact]
    public async Task HubClosesAConnectionThatSendsAnOversizedMessage()
    {
        await using var hub = api.CreateHubConnection(await api.AdminAsync(Ct));
        var closed = new TaskCompletionSource<Exception?>(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.Closed += e =>
        {
            closed.TrySetResult(e);
            return Task.CompletedTask;
        };
        await hub.StartAsync(Ct);

        var oversized = new string('x', (int)Referral.Api.Infrastructure.ApiHostingExtensions.MaximumHubMessageBytes * 2);
        _ = hub.SendAsync("ServerTime", oversized, Ct);

        var completed = await Task.WhenAny(closed.Task, Task.Delay(TimeSpan.FromSeconds(15), Ct));
        Assert.True(completed == closed.Task, "the server should close a connection whose message exceeds the limit");
    }
}
