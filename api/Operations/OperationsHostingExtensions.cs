using Microsoft.AspNetCore.SignalR;
using Referral.Api.Hubs;

namespace Referral.Api.Operations;

/// <summary>The live operations view: the node's counters, their hub filter and reporter, and the endpoint.</summary>
public static class OperationsHostingExtensions
{
    public static IHostApplicationBuilder AddReferralOperations(this IHostApplicationBuilder builder)
    {
        var options = new OperationsOptions();
        builder.Configuration.GetSection(OperationsOptions.Section).Bind(options);
        if (options.Validate() is { Count: > 0 } errors)
        {
            throw new InvalidOperationException(string.Join(Environment.NewLine, errors));
        }

        builder.Services.Configure<OperationsOptions>(builder.Configuration.GetSection(OperationsOptions.Section));
        builder.Services.AddSingleton<OperationsCounters>();
        builder.Services.AddSingleton<OperationsReporter>();
        // In DI, so SignalR uses this one instance instead of building one per hub call.
        builder.Services.AddSingleton<ConnectionCountFilter>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<OperationsReporter>());
        builder.Services.AddSignalR().AddHubOptions<GameHub>(o => o.AddFilter<ConnectionCountFilter>());
        return builder;
    }
}
