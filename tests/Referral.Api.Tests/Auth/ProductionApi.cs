using Referral.Testing;
using Xunit;

namespace Referral.Api.Tests.Auth;

/// <summary>The api in the Production environment with its default (HTTPS-only) transport settings.</summary>
public sealed class ProductionApi : IAsyncLifetime
{
    public ReferralApiFactory Api { get; } = new() { Environment = "Production" };

    public ValueTask InitializeAsync() => Api.InitializeAsync();

    public async ValueTask DisposeAsync() => await Api.DisposeAsync();
}
