using Referral.Testing;
using Xunit;

namespace Referral.Api.Tests.Auth;

/// <summary>Single-node memory mode with no auth keys configured at all.</summary>
public sealed class NoKeysApi : IAsyncLifetime
{
    public ReferralApiFactory Api { get; } = new();

    public ValueTask InitializeAsync()
    {
        Api.Settings.Remove("Auth:SigningKeys:0:Id");
        Api.Settings.Remove("Auth:SigningKeys:0:Key");
        Api.Settings.Remove("Auth:AccountKeySecret");
        return Api.InitializeAsync();
    }

    public async ValueTask DisposeAsync() => await Api.DisposeAsync();
}
