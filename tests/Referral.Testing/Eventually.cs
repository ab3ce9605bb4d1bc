using System.Net;

namespace Referral.Testing;

/// <summary>Bounded waits for conditions that become true asynchronously (never open-ended).</summary>
public static class Eventually
{
    /// <summary>GETs <paramref name="path"/> until it answers <paramref name="expected"/>, or fails with the last answer.</summary>
    public static async Task<HttpResponseMessage> Get(HttpClient http, string path, HttpStatusCode expected, TimeSpan within, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + within;
        string last = "no answer";
        while (true)
        {
            try
            {
                using var attempt = CancellationTokenSource.CreateLinkedTokenSource(ct);
                attempt.CancelAfter(TimeSpan.FromSeconds(5));
                var response = await http.GetAsync(new Uri(path, UriKind.Relative), attempt.Token);
                if (response.StatusCode == expected)
                {
                    return response;
                }

                last = $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}";
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
            {
                last = ex.GetType().Name + ": " + ex.Message;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"GET {http.BaseAddress}{path} did not answer {(int)expected} within {within.TotalSeconds:0}s; last: {last}");
            }

            await Task.Delay(250, ct);
        }
    }

    /// <summary>Runs <paramref name="probe"/> until it returns non-null, or fails naming <paramref name="what"/>.</summary>
    public static async Task<T> Until<T>(Func<Task<T?>> probe, TimeSpan within, string what, CancellationToken ct)
        where T : class
    {
        var deadline = DateTime.UtcNow + within;
        Exception? last = null;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                var result = await probe();
                if (result is not null)
                {
                    return result;
                }
            }
            catch (Exception ex) when (!ct.IsCancellationRequested)
            {
                last = ex;
            }

            await Task.Delay(250, ct);
        }

        throw new TimeoutException($"{what} did not happen within {within.TotalSeconds:0}s" + (last is null ? "." : $"; last error: {last.Message}"), last);
    }
}
