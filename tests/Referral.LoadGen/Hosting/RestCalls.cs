using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Referral.LoadGen.Hosting;

/// <summary>Small REST helpers the HTTP scenarios (spins, referrals) share.</summary>
public static class RestCalls
{
    /// <summary>Registers the admin (made one by Auth:Admins on a started api) or logs in when it exists; returns an access token.</summary>
    public static async Task<string> AdminToken(HttpClient http, string email, string password, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(http);
        using var registered = await http.PostAsJsonAsync("api/auth/register", new { email, password, displayName = "Load admin", locale = "en" }, ct);
        var body = registered.StatusCode == HttpStatusCode.Conflict
            ? await Send(http, HttpMethod.Post, "api/auth/login", null, new { email, password }, ct)
            : await registered.Content.ReadFromJsonAsync<JsonElement>(ct);
        return body.GetProperty("accessToken").GetString() ?? throw new InvalidOperationException("the admin sign-in answered no token");
    }

    /// <summary>Sends a JSON request; anything but 200/201 throws <see cref="HttpRequestException"/> with "http_STATUS: …".</summary>
    public static Task<JsonElement> Send(HttpClient http, HttpMethod method, string path, string? token, object? body, CancellationToken ct) =>
        Send(http, method, path, token, body, null, ct);

    public static async Task<JsonElement> Send(
        HttpClient http, HttpMethod method, string path, string? token, object? body, IReadOnlyDictionary<string, string>? headers, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(http);
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await http.SendAsync(request, ct);
        if (response.StatusCode is not (HttpStatusCode.OK or HttpStatusCode.Created))
        {
            throw new HttpRequestException($"http_{(int)response.StatusCode}: {method} {path}: {await response.Content.ReadAsStringAsync(ct)}");
        }

        return await response.Content.ReadFromJsonAsync<JsonElement>(ct);
    }

    /// <summary>Runs <paramref name="body"/> for 0..count-1 with at most <paramref name="inFlight"/> at once.</summary>
    public static Task ForEach(int count, int inFlight, Func<int, Task> body) =>
        Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = inFlight }, async (i, _) => await body(i));
}
