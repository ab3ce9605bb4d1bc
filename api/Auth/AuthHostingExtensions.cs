using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.IdentityModel.Tokens;
using Referral.Api.Hubs;
using Referral.Api.Infrastructure;
using Referral.Grains.Abstractions.Accounts;
using Referral.Silo.Persistence;

namespace Referral.Api.Auth;

/// <summary>Authentication (JWT bearer), authorization policies, CORS and the account services.</summary>
public static class AuthHostingExtensions
{
    public static IHostApplicationBuilder AddReferralAuth(this IHostApplicationBuilder builder, ApiSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var options = settings.Auth;
        var keys = AuthKeys.From(options);
        var origins = new AllowedOriginList(options.AllowedOrigins);

        var services = builder.Services;
        services.AddSingleton(options);
        services.AddSingleton(keys);
        services.AddSingleton(origins);
        services.AddSingleton<AccessTokenIssuer>();
        services.AddSingleton<SessionResponses>();
        services.AddSingleton<GuestSignIns>();
        services.AddSingleton<LegacyDeviceLinks>();
        services.AddSingleton(new AnonymousHubSlots(options.AnonymousHubConnectionsPerAddress));
        // One filter for the node (it keeps no per-call state), not one built per hub invocation.
        services.AddSingleton<HubAccessFilter>();
        services.AddSingleton<AccountDirectory>();
        services.AddSingleton<SecurityEvents>();
        services.AddHostedService<AuthStartupLog>();

        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(o =>
        {
            // Keep JWT claim names (sub, role, sid) as they are instead of the long WS-* URIs.
            o.MapInboundClaims = false;
            o.Events = new AccessTokenEvents();

            // No copy of the raw token in every request's authentication properties: nothing reads it back.
            o.SaveToken = false;
            o.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = options.Issuer,
                ValidAudience = options.Audience,
                IssuerSigningKeys = keys.SigningKeys,

                // A token must name its key: rotation relies on kid, and trying every key would
                // accept tokens whose header lies about how they were signed.
                TryAllIssuerSigningKeys = false,

                // Pinned: "none" and every other algorithm (RS256 with an HMAC key, …) are refused.
                ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                ValidTypes = [TokenClaims.AccessTokenType],
                RequireSignedTokens = true,
                RequireExpirationTime = true,
                ValidateIssuerSigningKey = true,
                ClockSkew = options.ClockSkew,
                NameClaimType = TokenClaims.Subject,
                RoleClaimType = TokenClaims.Role,
            };
        });

        // Our own validator for our own tokens (AccessTokenHandler says why and what it checks), on
        // the same clock as the issuer.
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme).Configure<TimeProvider>((o, clock) =>
        {
            o.TokenHandlers.Clear();
            o.TokenHandlers.Add(new AccessTokenHandler(clock));
        });

        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Player, p => p.RequireAuthenticatedUser())
            .AddPolicy(Policies.Host, p => p.RequireAuthenticatedUser().RequireRole(Roles.Host))
            .AddPolicy(Policies.Admin, p => p.RequireAuthenticatedUser().RequireRole(Roles.Admin))
            .AddPolicy(Policies.HubConnect, p => p.RequireAssertion(c =>
                c.User.Identity?.IsAuthenticated == true || (c.Resource is HttpContext http && !AccessTokenEvents.PresentsToken(http.Request))))

            // Deny by default: an endpoint someone forgets to give a policy needs a signed-in user
            // rather than being open.
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());

        services.AddCors(o => o.AddDefaultPolicy(p => p
            .WithOrigins([.. origins.Origins])
            .WithMethods(HttpMethods.Get, HttpMethods.Post, HttpMethods.Put, HttpMethods.Patch, HttpMethods.Delete)
            .WithHeaders("Authorization", "Content-Type", "X-Requested-With", "X-SignalR-User-Agent", Referrals.ReferralSignals.FingerprintHeader)
            .WithExposedHeaders("Retry-After", "WWW-Authenticate")));
        return builder;
    }
}
