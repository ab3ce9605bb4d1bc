using Referral.Api.Accounts;
using Referral.Api.Admin;
using Referral.Api.Auth;
using Referral.Api.Diagnostics;
using Referral.Api.Hubs;
using Referral.Api.Infrastructure;
using Referral.Api.Operations;
using Referral.Api.Referrals;
using Referral.Api.Referrals.Webhooks;
using Referral.Api.Rooms;
using Referral.Api.Wallet;
using Referral.Api.Wheel;
using Referral.Api.WebClient;
using Referral.Silo.Hosting;

var builder = WebApplication.CreateBuilder(args);

var settings = builder.AddReferralOrleans();
var api = ApiSettings.From(builder.Configuration, settings);
builder.AddReferralHealthChecks(settings, hostsSilo: settings.Orleans.Role == OrleansRole.Silo);
builder.AddReferralApi();
builder.AddReferralSecurity(api.Security);
builder.AddReferralAuth(api);
builder.AddReferralRateLimiting(api.RateLimits);
builder.AddReferralRooms();
builder.AddReferralReferrals();
builder.AddReferralWheels();
builder.AddReferralOperations();
builder.AddReferralWebClient();

var app = builder.Build();

app.UseReferralSecurity();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseReferralWebClient();
app.UseRouting();
app.UseCors();
app.UseMiddleware<HubOriginCheck>();
app.UseAuthentication();
HubAccessFilter.UseAnonymousHubPrincipal(app);
app.UseAuthorization();
app.UseRateLimiter();

// Anonymous on purpose: probes and load balancers call health without credentials, and the
// OpenAPI document describes a public api.
app.MapGroup("").AllowAnonymous().MapReferralHealthChecks();
app.MapOpenApi().AllowAnonymous();
app.MapAuthApi();
app.MapMeApi();
app.MapAdminApi();
app.MapDiagnosticsApi();
app.MapReferralRooms();
app.MapWalletApi();
app.MapReferralEngine();
app.MapWebhookAdminApi();
app.MapReferralWheels();
app.MapOperationsApi();
app.MapHub<GameHub>("/hubs/game", o => o.CloseOnAuthenticationExpiration = true)
    .RequireAuthorization(Policies.HubConnect);
app.MapReferralWebClient();

await app.RunAsync();

/// <summary>Entry point, visible to the api tests' WebApplicationFactory.</summary>
public partial class Program;
