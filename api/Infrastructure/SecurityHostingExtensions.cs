using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Referral.Api.Infrastructure;

/// <summary>Transport security: forwarded headers from trusted proxies, HTTPS redirect and HSTS, security headers.</summary>
public static class SecurityHostingExtensions
{
    public static IHostApplicationBuilder AddReferralSecurity(this IHostApplicationBuilder builder, SecurityOptions security)
    {
        builder.Services.AddSingleton(security);
        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;

            // Without a list, only loopback proxies are believed (the framework default); with
            // one, only the listed ones, so a client cannot claim another IP or scheme.
            if (security.KnownProxies.Count > 0 || security.KnownNetworks.Count > 0)
            {
                o.KnownProxies.Clear();
                o.KnownIPNetworks.Clear();
                foreach (var proxy in security.KnownProxies)
                {
                    o.KnownProxies.Add(IPAddress.Parse(proxy));
                }

                foreach (var network in security.KnownNetworks)
                {
                    o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
                }
            }
        });
        builder.Services.AddHsts(o => o.MaxAge = security.HstsMaxAge);
        builder.Services.AddHttpsRedirection(o =>
        {
            o.HttpsPort = security.HttpsPort;
            o.RedirectStatusCode = StatusCodes.Status308PermanentRedirect;
        });
        builder.Services.Configure<KestrelServerOptions>(o => o.AddServerHeader = false);
        return builder;
    }

    /// <summary>First in the pipeline: everything after sees the real client address and scheme.</summary>
    public static WebApplication UseReferralSecurity(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseForwardedHeaders();
        app.UseMiddleware<SecurityHeaders>();
        var security = app.Services.GetRequiredService<SecurityOptions>();
        if (security.HttpsRequired(app.Environment))
        {
            app.UseHsts();

            // Kubernetes probes call /health over plain HTTP on the pod IP and do not follow a
            // redirect to another port; health answers carry nothing secret.
            app.UseWhen(http => !http.Request.Path.StartsWithSegments("/health"), b => b.UseHttpsRedirection());
        }

        return app;
    }
}
