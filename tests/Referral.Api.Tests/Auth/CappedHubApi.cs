using System.Globalization;
using Referral.Testing;
using Xunit;

namespace Referral.Api.Tests.Auth;

/// <summary>An api on which one address may hold only a few anonymous hub connections at once.</summary>
public sealed class CappedHubApi : IAsyncLifetime
{
    public const int AnonymousPerAddress = 3;

    public ReferralApiFactory Api { get; } = new();

    public async ValueTask InitializeAsync()
    {
        Api.Settings["Auth:AnonymousHubConnectionsPerAddress"] = AnonymousPerAddress.ToString(CultureInfo.InvariantCulture);
        await Api.InitializeAsync();
    }

    public async ValueTask DisposeAsync() => await Api.DisposeAsync();
}
