using System.Globalization;
using System.Numerics;
using System.Security.Cryptography;
using System.Text;
using Referral.Grains.Wheel;
using Xunit;

namespace Referral.Grains.Tests.Wheel;

/// <summary>The provably-fair draw: the documented algorithm, its boundaries and its distribution.</summary>
public sealed class ProvablyFairTests
{
    private static readonly long[] ChiSquareWeights = [50, 25, 12, 8, 4, 1];

    /// <summary>The 0.999 quantile of chi-square with 5 degrees of freedom: a statistic below it means p &gt; 0.001.</summary>
    private const double ChiSquare999With5Df = 20.515;

    [Fact]
    public void TheRollIsTheDocumentedHmacRecomputedIndependently()
    {
        for (var i = 0; i < 200; i++)
        {
            var serverSeed = ProvablyFair.NewServerSeed();
            var clientSeed = "client-" + i.ToString(CultureInfo.InvariantCulture);
            long nonce = i * 7;
            long[] weights = [3, 0, 5, 1, 11];

            // docs/wheel.md, step by step, with other APIs than the product's.
            using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(serverSeed));
            var mac = hmac.ComputeHash(Encoding.UTF8.GetBytes($"{clientSeed}:{nonce}"));
            var hex = Convert.ToHexString(mac, 0, 8).ToLowerInvariant();
            var roll = BigInteger.Parse("0" + hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            var target = roll * weights.Sum() >> 64;
            var expected = Enumerable.Range(0, weights.Length).First(k => weights.Take(k + 1).Sum() > target);

            var actual = ProvablyFair.Roll(serverSeed, clientSeed, nonce);
            Assert.Equal(hex, ProvablyFair.RollHex(actual));
            Assert.Equal(expected, ProvablyFair.Pick(actual, weights));
            Assert.Equal(Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(serverSeed))).ToLowerInvariant(), ProvablyFair.Hash(serverSeed));
        }
    }

    [Fact]
    public void PickMapsTheEdgesOfTheRangeAndNeverPicksAZeroWeight()
    {
        long[] weights = [1, 0, 1];
        Assert.Equal(0, ProvablyFair.Pick(0, weights));
        Assert.Equal(0, ProvablyFair.Pick((1UL << 63) - 1, weights));
        Assert.Equal(2, ProvablyFair.Pick(1UL << 63, weights));
        Assert.Equal(2, ProvablyFair.Pick(ulong.MaxValue, weights));
        Assert.Equal(-1, ProvablyFair.Pick(12345, [0, 0]));
        Assert.True(ProvablyFair.ToUnit(ulong.MaxValue) < 1.0);
        Assert.Equal(0.5, ProvablyFair.ToUnit(1UL << 63));
    }

    [Fact]
    public void AHundredThousandDrawsFollowTheWeightsByChiSquare()
    {
        const int draws = 100_000;
        const string serverSeed = "5f0c1d2e3a4b59687766554433221100ffeeddccbbaa99887766554433221100";
        var counts = new long[ChiSquareWeights.Length];
        for (var nonce = 0; nonce < draws; nonce++)
        {
            counts[ProvablyFair.Pick(ProvablyFair.Roll(serverSeed, "chi-square", nonce), ChiSquareWeights)]++;
        }

        var total = ChiSquareWeights.Sum();
        var statistic = counts.Select((observed, i) =>
        {
            var expected = (double)draws * ChiSquareWeights[i] / total;
            return (observed - expected) * (observed - expected) / expected;
        }).Sum();

        TestContext.Current.TestOutputHelper?.WriteLine($"counts {string.Join(", ", counts)}; chi-square {statistic:F3} (df 5, critical {ChiSquare999With5Df} at p = 0.001)");
        Assert.True(statistic < ChiSquare999With5Df, $"chi-square {statistic:F3} ≥ {ChiSquare999With5Df}: p ≤ 0.001 (counts {string.Join(", ", counts)})");
    }

    [Fact]
    public void TheChiSquareCheckRejectsADistributionThatIgnoresTheWeights()
    {
        // The same check against uniform picks must fail, or the test above proves nothing.
        const int draws = 100_000;
        var counts = new long[ChiSquareWeights.Length];
        for (var nonce = 0; nonce < draws; nonce++)
        {
            counts[ProvablyFair.Pick(ProvablyFair.Roll("seed", "uniform", nonce), [1, 1, 1, 1, 1, 1])]++;
        }

        var total = ChiSquareWeights.Sum();
        var statistic = counts.Select((observed, i) =>
        {
            var expected = (double)draws * ChiSquareWeights[i] / total;
            return (observed - expected) * (observed - expected) / expected;
        }).Sum();
        Assert.True(statistic > ChiSquare999With5Df);
    }
}
