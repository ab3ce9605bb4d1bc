using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans.Hosting;
using Referral.Grains.Referrals.Webhooks;

namespace Referral.Silo.Hosting;

/// <summary>What the webhook grains need where they run: options, the HTTP client, the sender.</summary>
public static class WebhookHostingExtensions
{
    /// <summary>Connections are renewed this often so a receiver's DNS change is picked up.</summary>
    private static readonly TimeSpan ConnectionLifetime = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Binds <see cref="WebhookOptions"/> from the <c>Webhooks</c> section (validated at start-up),
    /// registers the named client <see cref="WebhookSender.ClientName"/> without automatic redirects
    /// (a receiver cannot bounce a signed request elsewhere) and <see cref="WebhookSender"/>, and
    /// lowers Orleans' reminder minimum to <see cref="WebhookOptions.ReminderPeriod"/> when that is shorter.
    /// </summary>
    public static IServiceCollection AddReferralWebhooks(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<WebhookOptions>()
            .Bind(configuration.GetSection(WebhookOptions.Section))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WebhookOptions>, WebhookOptionsValidator>());
        services.AddOptions<ReminderOptions>().Configure<IOptions<WebhookOptions>>((reminders, webhooks) =>
        {
            if (webhooks.Value.ReminderPeriod < reminders.MinimumReminderPeriod)
            {
                reminders.MinimumReminderPeriod = webhooks.Value.ReminderPeriod;
            }
        });

        // The sender bounds each attempt with WebhookOptions.Timeout; the client's own timeout is off.
        services.AddHttpClient(WebhookSender.ClientName, c => c.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                PooledConnectionLifetime = ConnectionLifetime,
                UseCookies = false,
            })
            // The factory's own loggers write every failed attempt with a stack trace (and the full
            // URL, query included, at Information); WebhookSender logs one line per failed attempt.
            .RemoveAllLoggers();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<WebhookSender>();
        return services;
    }
}
