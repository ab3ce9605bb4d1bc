using Referral.Api.Auth;
using Referral.Silo.Hosting;

namespace Referral.Api.Infrastructure;

/// <summary>
/// The api's own settings (<c>Auth</c>, <c>Security</c>, <c>RateLimits</c>), read once and validated
/// together so a bad deployment stops at start-up with every wrong setting named.
/// </summary>
public sealed class ApiSettings
{
    public required AuthOptions Auth { get; init; }

    public required SecurityOptions Security { get; init; }

    public required RateLimitOptions RateLimits { get; init; }

    /// <summary>True when missing keys may be generated: single-node memory mode, where nothing outlives the process anyway.</summary>
    public required bool MayGenerateKeys { get; init; }

    public static ApiSettings From(IConfiguration configuration, ReferralSettings referral)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(referral);
        var settings = new ApiSettings
        {
            Auth = configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new(),
            Security = configuration.GetSection(SecurityOptions.Section).Get<SecurityOptions>() ?? new(),
            RateLimits = configuration.GetSection(RateLimitOptions.Section).Get<RateLimitOptions>() ?? new(),
            MayGenerateKeys = !referral.IsDurable && referral.Orleans.Role == OrleansRole.Silo,
        };

        var errors = settings.Auth.Validate(keysRequired: !settings.MayGenerateKeys)
            .Concat(settings.Security.Validate())
            .Concat(settings.RateLimits.Validate())
            .ToList();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException(
                "Invalid configuration, start-up stopped:" + Environment.NewLine + string.Join(Environment.NewLine, errors.Select(e => " - " + e)));
        }

        return settings;
    }
}
