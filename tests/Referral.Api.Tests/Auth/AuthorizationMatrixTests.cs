using System.Net.Http.Headers;
using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Referral.Api.Hubs;
using Xunit;

namespace Referral.Api.Tests.Auth;

/// <summary>Every endpoint and hub method × anonymous, player, other player, host and admin.</summary>
[Collection(AccountsApiGroup.Name)]
public sealed class AuthorizationMatrixTests(AccountsApiFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> Endpoints => [.. AuthorizationMatrix.Rows.Select(r => r.Endpoint)];

    public static TheoryData<string> HubMethodNames => [.. AuthorizationMatrix.HubRows.Select(r => r.Method)];

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task EveryActorGetsTheExpectedStatus(string endpoint)
    {
        var row = AuthorizationMatrix.Rows.Single(r => r.Endpoint == endpoint);
        var wrong = new List<string>();
        foreach (var actor in Enum.GetValues<Actor>())
        {
            var caller = row.FreshCaller ? await fixture.FreshAsync(actor, Ct) : fixture.Standing(actor);
            using var request = await row.Request(new MatrixCase(fixture, actor, caller, Ct));
            if (caller is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", caller.AccessToken);
            }

            using var http = fixture.Anonymous();
            using var response = await http.SendAsync(request, Ct);
            var expected = row.Expected.For(actor);
            if ((int)response.StatusCode != expected)
            {
                wrong.Add($"{actor}: expected {expected}, got {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
            }
        }

        Assert.True(wrong.Count == 0, $"{endpoint}:{Environment.NewLine}{string.Join(Environment.NewLine, wrong)}");
    }

    [Theory]
    [MemberData(nameof(HubMethodNames))]
    public async Task EveryActorGetsTheExpectedHubOutcome(string method)
    {
        var row = AuthorizationMatrix.HubRows.Single(r => r.Method == method);
        var wrong = new List<string>();
        foreach (var actor in Enum.GetValues<Actor>())
        {
            var caller = fixture.Standing(actor);
            var room = row.Phase == RoomPhase.None ? null : await fixture.OpenRoomAsync(row.Phase, Ct);
            var arguments = row.Arguments(new HubCase(fixture, actor, caller, room));
            await using var hub = caller is null ? fixture.Api.CreateHubConnection() : fixture.Api.CreateHubConnection(caller);
            bool succeeded;
            string outcome;
            try
            {
                await hub.StartAsync(Ct);
                await hub.InvokeCoreAsync(method, typeof(object), arguments, Ct);
                succeeded = true;
                outcome = "succeeded";
            }
            catch (Exception ex) when (ex is HttpRequestException or System.Net.WebSockets.WebSocketException or HubException)
            {
                succeeded = false;
                outcome = ex.GetType().Name + ": " + ex.Message;
            }

            if (succeeded != row.Succeeds(actor))
            {
                wrong.Add($"{actor}: expected {(row.Succeeds(actor) ? "success" : "refusal")}, {outcome}");
            }
        }

        Assert.True(wrong.Count == 0, $"hub method {method}:{Environment.NewLine}{string.Join(Environment.NewLine, wrong)}");
    }

    [Fact]
    public void EveryEndpointOfTheAppIsInTheMatrix()
    {
        var listed = AuthorizationMatrix.Rows.Select(r => r.Endpoint).Concat(AuthorizationMatrix.HubConnectionEndpoints).ToHashSet(StringComparer.Ordinal);
        var endpoints = fixture.Api.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["*"])
                .Select(m => $"{m} /{e.RoutePattern.RawText?.Trim('/')}"))
            .Distinct(StringComparer.Ordinal)
            .ToList();

        var missing = endpoints.Where(e => !listed.Contains(e)).ToList();
        Assert.True(missing.Count == 0, "endpoints missing from the authorization matrix: " + string.Join(", ", missing));
        var stale = listed.Where(l => !endpoints.Contains(l)).ToList();
        Assert.True(stale.Count == 0, "matrix rows naming no endpoint of the app: " + string.Join(", ", stale));
    }

    [Fact]
    public void EveryHubMethodIsInTheMatrix()
    {
        var methods = typeof(GameHub).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => !m.IsSpecialName)
            .Select(m => m.Name)
            .ToList();
        var missing = methods.Where(m => !AuthorizationMatrix.HubRows.Any(r => r.Method == m)).ToList();
        Assert.True(missing.Count == 0, "hub methods missing from the authorization matrix: " + string.Join(", ", missing));
    }
}
