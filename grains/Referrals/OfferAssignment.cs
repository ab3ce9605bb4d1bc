using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Referral.Grains.Abstractions.Referrals;

namespace Referral.Grains.Referrals;

/// <summary>
/// Deterministic A/B assignment: SHA-256 of "campaignId:userId" read as a number in [0, 1) picks a
/// variant in proportion to the weights, so the same referrer always sees the same offer, on any
/// silo, without storing anything first.
/// </summary>
public static class OfferAssignment
{
    public static OfferVariant Pick(Guid campaignId, Guid userId, IReadOnlyList<OfferVariant> variants)
    {
        ArgumentOutOfRangeException.ThrowIfZero(variants.Count);
        var total = variants.Sum(v => (long)v.Weight);
        var point = (long)(Fraction(campaignId, userId) * total);
        foreach (var variant in variants)
        {
            if (point < variant.Weight)
            {
                return variant;
            }

            point -= variant.Weight;
        }

        return variants[^1];
    }

    /// <summary>The hash as a number in [0, 1): the top 53 bits of the first 8 bytes.</summary>
    public static double Fraction(Guid campaignId, Guid userId)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.ASCII.GetBytes($"{campaignId:N}:{userId:N}"), hash);
        return (BinaryPrimitives.ReadUInt64BigEndian(hash) >> 11) / (double)(1UL << 53);
    }
}
