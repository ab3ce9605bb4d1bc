using Referral.Api.Diagnostics;
using Referral.Api.Hubs;
using Referral.Api.Infrastructure;
using Referral.Silo.Hosting;

var builder = WebApplication.CreateBuilder(args);

var settings = builder.AddReferralOrleans();
builder.AddReferralHealthChecks(settings, hostsSilo: settings.Orleans.Role == OrleansRole.Silo);
builder.AddReferralApi();

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.MapReferralHealthChecks();
app.MapOpenApi();
app.MapDiagnosticsApi();
app.MapHub<GameHub>("/hubs/game");

await app.RunAsync();

/// <summary>Entry point, visible to the api tests' WebApplicationFactory.</summary>
public partial class Program;
