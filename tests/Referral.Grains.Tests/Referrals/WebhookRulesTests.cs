using Referral.Grains.Abstractions.Referrals.Webhooks;
using Referral.Grains.Referrals.Webhooks;
using Xunit;

namespace Referral.Grains.Tests.Referrals;

public sealed class WebhookRulesTests
{
    [Theory]
    [InlineData("https://hooks.example.com/referrals")]
    [InlineData("http://127.0.0.1:8080/hook?x=1")]
    [InlineData("https://[::1]/hook")]
    public void AbsoluteHttpAndHttpsUrlsAreAccepted(string url)
    {
        Assert.Null(WebhookRules.CheckUrl(url));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("/relative/path")]
    [InlineData("hooks.example.com/x")]
    [InlineData("ftp://hooks.example.com/x")]
    [InlineData("file:///etc/passwd")]
    [InlineData("https://user:pass@hooks.example.com/x")]
    [InlineData("https://hooks.example.com/x#frag")]
    [InlineData(" https://hooks.example.com/x")]
    public void OtherUrlsAreRefused(string? url)
    {
        Assert.NotNull(WebhookRules.CheckUrl(url));
    }

    [Fact]
    public void UrlsAreBoundedInLength()
    {
        var prefix = "https://hooks.example.com/";
        Assert.Null(WebhookRules.CheckUrl(prefix + new string('a', WebhookRules.MaxUrlLength - prefix.Length)));
        Assert.NotNull(WebhookRules.CheckUrl(prefix + new string('a', WebhookRules.MaxUrlLength - prefix.Length + 1)));
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("", false)]
    [InlineData("fifteen-chars-x", false)]
    [InlineData("sixteen-chars-xx", true)]
    [InlineData("with a space in it!", false)]
    [InlineData("nön-ascii-sécret-value", false)]
    public void SecretsAre16To256PrintableAsciiCharacters(string? secret, bool valid)
    {
        Assert.Equal(valid, WebhookRules.CheckSecret(secret) is null);
        Assert.Null(WebhookRules.CheckSecret(new string('s', WebhookRules.MaxSecretLength)));
        Assert.NotNull(WebhookRules.CheckSecret(new string('s', WebhookRules.MaxSecretLength + 1)));
    }

    [Theory]
    [InlineData("evt_1", "referral.pending", "{}", true)]
    [InlineData("evt_1", "ping", "[1,2]", true)]
    [InlineData("evt_1", "ping", "\"text\"", true)]
    [InlineData("evt_1", "ping", "null", true)]
    [InlineData("", "ping", "{}", false)]
    [InlineData("evt 1", "ping", "{}", false)]
    [InlineData("evt\r\n1", "ping", "{}", false)]
    [InlineData("evt_1", "", "{}", false)]
    [InlineData("evt_1", "Referral.Pending", "{}", false)]
    [InlineData("evt_1", "ping", "", false)]
    [InlineData("evt_1", "ping", "{\"a\":", false)]
    [InlineData("evt_1", "ping", "{} {}", false)]
    public void EventsNeedAHeaderSafeIdALowerCaseTypeAndOneJsonValue(string id, string type, string data, bool valid)
    {
        Assert.Equal(valid, WebhookRules.CheckEvent(new WebhookEvent(id, type, DateTimeOffset.UtcNow, data)) is null);
    }

    [Fact]
    public void EventDataIsBounded()
    {
        var big = "\"" + new string('x', WebhookRules.MaxDataLength) + "\"";
        Assert.NotNull(WebhookRules.CheckEvent(new WebhookEvent("evt_1", "ping", DateTimeOffset.UtcNow, big)));
    }
}
