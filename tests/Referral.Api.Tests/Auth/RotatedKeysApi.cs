using System.Security.Cryptography;
using Referral.Testing;
using Xunit;

namespace Referral.Api.Tests.Auth;

/// <summary>A new key first (it signs), the run's usual test key second (still validates).</summary>
public sealed class RotatedKeysApi : IAsyncLifetime
{
    public const string NewKeyId = "test-signing-2";

    public static readonly byte[] NewKey = RandomNumberGenerator.GetBytes(32);

    public ReferralApiFactory Api { get; } = new();

    public ValueTask InitializeAsync()
    {
        Api.Settings["Auth:SigningKeys:0:Id"] = NewKeyId;
        Api.Settings["Auth:SigningKeys:0:Key"] = Convert.ToBase64String(NewKey);
        Api.Settings["Auth:SigningKeys:1:Id"] = ReferralApiFactory.SigningKeyId;
        Api.Settings["Auth:SigningKeys:1:Key"] = Convert.ToBase64String(ReferralApiFactory.SigningKey);
        return Api.InitializeAsync();
    }

    public async ValueTask DisposeAsync() => await Api.DisposeAsync();
}
