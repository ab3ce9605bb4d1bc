using System.Globalization;
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
        Api.Settings["Auth:AnonymousHubTimeout"] = TimeSpan.FromSeconds(AnonymousSeconds).ToString("c", CultureInfo.InvariantCulture);
        Api.Settings["Auth:AccessTokenLifetime"] = TimeSpan.FromSeconds(TokenSeconds).ToString("c", CultureInfo.InvariantCulture);
        await Api.InitializeAsync();
    }

    public async ValueTask DisposeAsync() => await Api.DisposeAsync();
}
