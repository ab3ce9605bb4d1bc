using System.Net.Http.Json;
using Microsoft.Playwright;
using Referral.Testing;
using Xunit;

namespace Referral.Web.Tests;

/// <summary>
/// The api (memory mode, co-hosted silo) on real Kestrel serving the built web client, and one
/// headless Chromium; each test opens its own browser contexts (separate cookies and storage, as
/// separate people on separate phones).
/// </summary>
public sealed class WebFixture : IAsyncLifetime
{
    public ReferralApiFactory Api { get; } = new();

    public IPlaywright Playwright { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public Uri BaseAddress => Api.ServerAddress;

    public async ValueTask InitializeAsync()
    {
        await Api.InitializeAsync();
        using var http = Api.CreateHttpClient();
        var index = await http.GetAsync(new Uri("/", UriKind.Relative));
        if (!index.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"The api serves no web client at / ({(int)index.StatusCode}): build the api project so api/wwwroot exists.");
        }

        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Chromium.LaunchAsync(Playwright);
    }

    /// <summary>A fresh browser profile: a phone (360 × 740) unless a viewport is given.</summary>
    public async Task<IBrowserContext> NewContextAsync(string locale = "en-GB", int width = 360, int height = 740)
    {
        var context = await Browser.NewContextAsync(new()
        {
            BaseURL = BaseAddress.ToString(),
            Locale = locale,
            ViewportSize = new() { Width = width, Height = height },
            ServiceWorkers = ServiceWorkerPolicy.Block,
        });
        context.SetDefaultTimeout(15_000);
        return context;
    }

    /// <summary>A host account made through the api, so the test holds its token for server-side checks.</summary>
    public async Task<TestUser> NewHostAsync(string displayName, CancellationToken ct)
    {
        using var http = Api.CreateHttpClient();
        return await http.RegisterAsync(AuthClient.NewEmail("host"), displayName: displayName, ct: ct);
    }

    public async Task<T> GetAsync<T>(TestUser user, string path, CancellationToken ct)
    {
        using var http = Api.CreateHttpClient(user);
        return await http.GetFromJsonAsync<T>(new Uri(path, UriKind.Relative), ct)
            ?? throw new InvalidOperationException($"GET {path} returned nothing.");
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        Playwright?.Dispose();
        await Api.DisposeAsync();
    }
}
