using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Referral.Api.Auth;
using Referral.Api.Infrastructure;
using Referral.Silo.Hosting;
using Xunit;

namespace Referral.Api.Tests.Auth;

/// <summary>The api's own settings stop start-up when wrong, naming each wrong setting.</summary>
public sealed class AuthConfigurationTests
{
    private static readonly string GoodKey = Convert.ToBase64String(new byte[32]);

    [Fact]
    public void MemoryModeStartsWithoutKeysAndGeneratesThem()
    {
        var settings = ApiSettings.From(Config([]), ReferralSettings.From(Config([])));
        Assert.True(settings.MayGenerateKeys);

        var keys = AuthKeys.From(settings.Auth);
        Assert.Equal(["Auth:SigningKeys", "Auth:AccountKeySecret"], keys.Generated);
        Assert.Equal(32, keys.SigningKey.Key.Length);
        Assert.False(string.IsNullOrEmpty(keys.SigningKey.KeyId));
    }

    [Theory]
    [InlineData("ConnectionStrings:Referral", "Host=127.0.0.1;Database=x")]
    [InlineData("Orleans:Role", "Client")]
    public void DurableAndClientModesRequireBothSecretsAndNameThem(string key, string value)
    {
        var config = Config(new() { [key] = value });
        var error = Assert.Throws<InvalidOperationException>(() => ApiSettings.From(config, ReferralSettings.From(config)));
        Assert.Contains("Auth:SigningKeys", error.Message, StringComparison.Ordinal);
        Assert.Contains("Auth:AccountKeySecret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ConfiguredKeysAreUsedAsGivenWithTheFirstSigning()
    {
        var settings = Valid(new()
        {
            ["Auth:SigningKeys:0:Id"] = "new",
            ["Auth:SigningKeys:0:Key"] = Convert.ToBase64String(Enumerable.Repeat((byte)1, 32).ToArray()),
            ["Auth:SigningKeys:1:Id"] = "old",
            ["Auth:SigningKeys:1:Key"] = GoodKey,
            ["Auth:AccountKeySecret"] = GoodKey,
            ["Auth:Admins:0"] = "boss@example.com",
            ["Auth:AllowedOrigins:0"] = "https://Play.Example.com:443",
        });

        var keys = AuthKeys.From(settings.Auth);
        Assert.Empty(keys.Generated);
        Assert.Equal(["new", "old"], keys.SigningKeys.Select(k => k.KeyId));
        Assert.Equal("new", keys.SigningKey.KeyId);
        Assert.Equal(["boss@example.com"], settings.Auth.Admins);
        Assert.True(new AllowedOriginList(settings.Auth.AllowedOrigins).IsAllowed("https://play.example.com"));
        Assert.False(new AllowedOriginList(settings.Auth.AllowedOrigins).IsAllowed("https://play.example.com.evil.test"));
    }

    [Theory]
    [InlineData("Auth:AccessTokenLifetime", "00:20:00", "Auth:AccessTokenLifetime")]
    [InlineData("Auth:AccessTokenLifetime", "00:00:00", "Auth:AccessTokenLifetime")]
    [InlineData("Auth:ClockSkew", "00:01:00", "Auth:ClockSkew")]
    [InlineData("Auth:AnonymousHubTimeout", "00:00:00", "Auth:AnonymousHubTimeout")]
    [InlineData("Auth:AnonymousHubTimeout", "00:06:00", "Auth:AnonymousHubTimeout")]
    [InlineData("Auth:AnonymousHubConnectionsPerAddress", "0", "Auth:AnonymousHubConnectionsPerAddress")]
    [InlineData("Auth:AnonymousHubConnectionsPerAddress", "100001", "Auth:AnonymousHubConnectionsPerAddress")]
    [InlineData("Auth:Issuer", " ", "Auth:Issuer")]
    [InlineData("Auth:SigningKeys:0:Key", "c2hvcnQ=", "Auth:SigningKeys:0:Key")]
    [InlineData("Auth:SigningKeys:0:Key", "not base64!", "Auth:SigningKeys:0:Key")]
    [InlineData("Auth:SigningKeys:0:Id", "", "Auth:SigningKeys:0:Id")]
    [InlineData("Auth:SigningKeys:1:Id", "k1", "Auth:SigningKeys:1:Id")]
    [InlineData("Auth:AccountKeySecret", "c2hvcnQ=", "Auth:AccountKeySecret")]
    [InlineData("Auth:Admins:0", "not an email", "Auth:Admins:0")]
    [InlineData("Auth:AllowedOrigins:0", "https://play.example.com/app", "Auth:AllowedOrigins:0")]
    [InlineData("Auth:AllowedOrigins:0", "null", "Auth:AllowedOrigins:0")]
    [InlineData("RateLimits:Login:PermitLimit", "0", "RateLimits:Login:PermitLimit")]
    [InlineData("RateLimits:Refresh:Window", "-00:00:01", "RateLimits:Refresh:Window")]
    [InlineData("Security:HttpsPort", "0", "Security:HttpsPort")]
    [InlineData("Security:KnownProxies:0", "proxy.local", "Security:KnownProxies:0")]
    [InlineData("Security:KnownNetworks:0", "10.0.0.0/99", "Security:KnownNetworks:0")]
    public void InvalidSettingsStopStartUpNamingThem(string key, string value, string named)
    {
        var values = new Dictionary<string, string?>
        {
            ["Auth:SigningKeys:0:Id"] = "k1",
            ["Auth:SigningKeys:0:Key"] = GoodKey,
            ["Auth:AccountKeySecret"] = GoodKey,
            [key] = value,
        };
        if (key == "Auth:SigningKeys:1:Id")
        {
            values["Auth:SigningKeys:1:Key"] = GoodKey;
        }

        var config = Config(values);
        var error = Assert.Throws<InvalidOperationException>(() => ApiSettings.From(config, ReferralSettings.From(config)));
        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Development", null, false)]
    [InlineData("Production", null, true)]
    [InlineData("Staging", null, true)]
    [InlineData("Production", "false", false)]
    [InlineData("Development", "true", true)]
    public void HttpsIsRequiredOutsideDevelopmentUnlessSwitchedOff(string environment, string? setting, bool required)
    {
        var settings = Valid(new() { ["Security:RequireHttps"] = setting });
        var host = new HostingEnvironment { EnvironmentName = environment };
        Assert.Equal(required, settings.Security.HttpsRequired(host));
    }

    private static ApiSettings Valid(Dictionary<string, string?> values)
    {
        var config = Config(values);
        return ApiSettings.From(config, ReferralSettings.From(config));
    }

    private static IConfiguration Config(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
