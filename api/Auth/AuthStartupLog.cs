namespace Referral.Api.Auth;

/// <summary>Says once, loudly, when start-up generated keys that a real deployment must configure.</summary>
internal sealed partial class AuthStartupLog(AuthKeys keys, ILogger<AuthStartupLog> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (keys.Generated.Count > 0)
        {
            LogGenerated(logger, string.Join(" and ", keys.Generated));
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message =
        "DEVELOPMENT KEYS: {Settings} not configured, so random values were generated for this process. Tokens and accounts " +
        "do not outlive it and other nodes cannot verify them. Configure them for any shared deployment (see docs/auth.md).")]
    private static partial void LogGenerated(ILogger logger, string settings);
}
