using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Referral.Grains.Wheel;

/// <summary>
/// The provably-fair draw, exactly as docs/wheel.md states it so anyone can recompute a spin:
/// roll = the first 8 bytes (big-endian) of HMAC-SHA256(key = UTF-8 of the server seed's hex,
/// message = UTF-8 of "clientSeed:nonce"); value = roll / 2^64 in [0, 1); the segment is the first
/// whose running total of effective weights exceeds floor(roll × W / 2^64), W the total.
/// </summary>
public static class ProvablyFair
{
    /// <summary>32 bytes from the CSPRNG as 64 lower-case hex characters.</summary>
    public static string NewServerSeed() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    /// <summary>A default client seed (16 hex characters) until the player sets their own.</summary>
    public static string NewClientSeed() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

    /// <summary>SHA-256 of the seed's UTF-8 bytes, lower-case hex: published before the seed is used.</summary>
    public static string Hash(string serverSeed) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(serverSeed)));

    public static ulong Roll(string serverSeed, string clientSeed, long nonce)
    {
        var message = Encoding.UTF8.GetBytes(clientSeed + ":" + nonce.ToString(CultureInfo.InvariantCulture));
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(serverSeed), message);
        return BinaryPrimitives.ReadUInt64BigEndian(mac);
    }

    public static string RollHex(ulong roll) => roll.ToString("x16", CultureInfo.InvariantCulture);

    /// <summary>roll / 2^64, rounded down to a double's 53 bits so it never reaches 1.</summary>
    public static double ToUnit(ulong roll) => (roll >> 11) * (1.0 / (1UL << 53));

    /// <summary>The index picked by <paramref name="roll"/> among <paramref name="weights"/> (zeros never win); -1 when all are zero.</summary>
    public static int Pick(ulong roll, IReadOnlyList<long> weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        long total = 0;
        foreach (var w in weights)
        {
            total += Math.Max(0, w);
        }

        if (total <= 0)
        {
            return -1;
        }

        // floor(roll × W / 2^64), exact in 128 bits: the integer form of floor(value × W).
        var target = (long)(((UInt128)roll * (ulong)total) >> 64);
        long running = 0;
        for (var i = 0; i < weights.Count; i++)
        {
            running += Math.Max(0, weights[i]);
            if (running > target)
            {
                return i;
            }
        }

        return -1;
    }
}
