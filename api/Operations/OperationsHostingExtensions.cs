using Referral.Api.Infrastructure;

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
        builder.Services.AddHostedService(sp => sp.GetRequiredService<OperationsReporter>());
        builder.Services.AddGameHubFilter<ConnectionCountFilter>();
        return builder;
    }
}
