using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Referral.Grains.Referrals.Webhooks;
using Xunit;

namespace Referral.Grains.Tests.Referrals;

public sealed class WebhookSignatureTests
{
    private const string Secret = "whsec_unit_0123456789abcdef";
    private const string Body = """{"id":"evt_1","type":"ping","createdAt":"2026-11-26T12:00:00+00:00","data":{}}""";
    private static readonly DateTimeOffset At = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void TheHeaderIsTimestampAndLowerCaseHexHmacOfTimestampDotBody()
    {
        var header = WebhookSignature.Sign(Secret, Body, At);

        var t = At.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var mac = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes(t + "." + Body)));
        Assert.Equal($"t={t},v1={mac}", header);
    }

    [Fact]
    public void ASignatureVerifiesWithItsSecretWithinTheTolerance()
    {
        var header = WebhookSignature.Sign(Secret, Body, At);

        Assert.True(WebhookSignature.Verify(Secret, header, Body, At, WebhookSignature.DefaultTolerance));
        Assert.True(WebhookSignature.Verify(Secret, header, Body, At.AddMinutes(5), WebhookSignature.DefaultTolerance));
        Assert.True(WebhookSignature.Verify(Secret, header, Body, At.AddMinutes(-5), WebhookSignature.DefaultTolerance));
        Assert.True(WebhookSignature.Verify(Secret, header, Encoding.UTF8.GetBytes(Body), At, WebhookSignature.DefaultTolerance));
    }

    [Fact]
    public void AnotherSecretATamperedBodyOrAnOldTimestampFail()
    {
        var header = WebhookSignature.Sign(Secret, Body, At);

        Assert.False(WebhookSignature.Verify("whsec_other_0123456789abcdef", header, Body, At, WebhookSignature.DefaultTolerance));
        Assert.False(WebhookSignature.Verify(Secret, header, Body.Replace("ping", "pong", StringComparison.Ordinal), At, WebhookSignature.DefaultTolerance));
        Assert.False(WebhookSignature.Verify(Secret, header, Body + " ", At, WebhookSignature.DefaultTolerance));
        Assert.False(WebhookSignature.Verify(Secret, header, Body, At.AddMinutes(5).AddSeconds(1), WebhookSignature.DefaultTolerance));
        Assert.False(WebhookSignature.Verify(Secret, header, Body, At.AddMinutes(-6), WebhookSignature.DefaultTolerance));
    }

    [Fact]
    public void ARewrittenTimestampBreaksTheSignature()
    {
        var header = WebhookSignature.Sign(Secret, Body, At);
        var later = At.AddMinutes(30);
        var replayed = header.Replace(
            "t=" + At.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            "t=" + later.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            StringComparison.Ordinal);

        Assert.False(WebhookSignature.Verify(Secret, replayed, Body, later, WebhookSignature.DefaultTolerance));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("v1=abc")]
    [InlineData("t=notanumber,v1=abc")]
    [InlineData("t=-5,v1=abc")]
    [InlineData("t=1795000000")]
    [InlineData("t=99999999999999999999,v1=abc")]
    [InlineData("garbage")]
    public void MalformedHeadersFail(string? header)
    {
        Assert.False(WebhookSignature.Verify(Secret, header, Body, At, WebhookSignature.DefaultTolerance));
    }

    [Fact]
    public void AnyMatchingV1AmongSeveralVerifies()
    {
        var header = WebhookSignature.Sign(Secret, Body, At);
        var withStale = header.Replace("v1=", "v1=" + new string('0', 64) + ",v1=", StringComparison.Ordinal);

        Assert.True(WebhookSignature.Verify(Secret, withStale, Body, At, WebhookSignature.DefaultTolerance));
        Assert.False(WebhookSignature.Verify(Secret, header.ToUpperInvariant(), Body, At, WebhookSignature.DefaultTolerance), "keys and hex are lower case");
    }
}
