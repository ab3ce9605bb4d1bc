using Referral.Testing;
using Xunit;

namespace Referral.Api.Tests.Auth;

/// <summary>An api whose limits a test reaches in a few requests.</summary>
public sealed class LimitedApi : IAsyncLifetime
{
    public ReferralApiFactory Api { get; } = new();

    public async ValueTask InitializeAsync()
    {
        Api.Settings["RateLimits:Login:PermitLimit"] = "3";
        Api.Settings["RateLimits:Login:Window"] = "01:00:00";
        Api.Settings["RateLimits:LoginPerAccount:PermitLimit"] = "5";
        Api.Settings["RateLimits:LoginPerAccount:Window"] = "01:00:00";
        Api.Settings["RateLimits:Register:PermitLimit"] = "2";
        Api.Settings["RateLimits:Guest:PermitLimit"] = "2";
        Api.Settings["RateLimits:Refresh:PermitLimit"] = "2";
        Api.Settings["RateLimits:Credentials:PermitLimit"] = "2";
        Api.Settings["Accounts:MaxFailedLogins"] = "3";
        await Api.InitializeAsync();
    }

    public async ValueTask DisposeAsync() => await Api.DisposeAsync();
}
