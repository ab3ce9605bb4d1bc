using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Net.Http.Headers;
using Referral.Api.Auth;

namespace Referral.Api.Infrastructure;

/// <summary>
/// ASP.NET Core rate limiting: per client IP on the sign-in endpoints, per user elsewhere. Guest
/// sign-ins are counted by <see cref="Auth.GuestSignIns"/> instead, because the hub's
/// <c>SignInGuest</c> shares their budget and the middleware cannot see hub invocations.
/// </summary>
public static class RateLimitingExtensions
{
    public static IHostApplicationBuilder AddReferralRateLimiting(this IHostApplicationBuilder builder, RateLimitOptions limits)
    {
        builder.Services.AddSingleton(limits);
        builder.Services.AddSingleton<LoginThrottle>();
        builder.Services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = WriteRejection;
            o.AddPolicy(RateLimitPolicies.Login, http => PerClientIp(http, limits.Login));
            o.AddPolicy(RateLimitPolicies.Register, http => PerClientIp(http, limits.Register));
            o.AddPolicy(RateLimitPolicies.Refresh, http => PerClientIp(http, limits.Refresh));
            o.AddPolicy(RateLimitPolicies.Credentials, http => PerUser(http, limits.Credentials));
            o.AddPolicy(RateLimitPolicies.Authenticated, http => PerUser(http, limits.Authenticated));
        });
        return builder;
    }

    /// <summary>
    /// The client's address as the forwarded-headers middleware resolved it: the real client
    /// behind a configured proxy, never a header value from an untrusted hop.
    /// </summary>
    public static string ClientIp(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
    }

    /// <summary>The client address of a hub connection (its HTTP request's, as above).</summary>
    public static string ClientIp(HubCallerContext connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return connection.GetHttpContext() is { } http ? ClientIp(http) : "unknown";
    }

    /// <summary>Per user id once authenticated (the rate limiter runs after authentication); per IP otherwise.</summary>
    private static RateLimitPartition<string> PerUser(HttpContext http, RateLimitRule rule)
    {
        var key = http.User.Identity?.IsAuthenticated == true ? "u:" + http.User.FindFirst(TokenClaims.Subject)?.Value : "ip:" + ClientIp(http);
        return RateLimitPartition.GetFixedWindowLimiter(key, _ => rule.ToFixedWindow());
    }

    private static RateLimitPartition<string> PerClientIp(HttpContext http, RateLimitRule rule) =>
        RateLimitPartition.GetFixedWindowLimiter(ClientIp(http), _ => rule.ToFixedWindow());

    private static async ValueTask WriteRejection(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        var seconds = RateLimitRule.RetryAfterSeconds(context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : null);
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers[HeaderNames.RetryAfter] = seconds.ToString(CultureInfo.InvariantCulture);
        var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails =
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests; try again later.",
                Extensions = { ["code"] = ProblemCodes.RateLimited },
            },
        });
    }
}
