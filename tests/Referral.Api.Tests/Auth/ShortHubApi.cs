using Referral.Testing;
using Xunit;

namespace Referral.Api.Tests.Auth;

/// <summary>An api whose anonymous hub connections and access tokens run out within seconds.</summary>
public sealed class ShortHubApi : IAsyncLifetime
{
    public const int AnonymousSeconds = 2;

    public const int TokenSeconds = 5;

    public ReferralApiFactory Api { get; } = new();

    public async ValueTask InitializeAsync()
    {
        Api.Settings["Auth:AnonymousHubTimeout"] = $"00:00:0{AnonymousSeconds}";
        Api.Settings["Auth:AccessTokenLifetime"] = $"00:00:0{TokenSeconds}";
        await Api.InitializeAsync();
    }

    public async ValueTask DisposeAsync() => await Api.DisposeAsync();
}
