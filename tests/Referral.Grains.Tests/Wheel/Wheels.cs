using Referral.Grains.Abstractions.Wheel;

namespace Referral.Grains.Tests.Wheel;

/// <summary>Wheel definitions for tests.</summary>
public static class Wheels
{
    public static string NewId() => "wheel-" + Guid.NewGuid().ToString("N")[..12];

    public static WheelSegment Segment(string id, long weight, PrizeKind kind = PrizeKind.Nothing, long amount = 0, int? stock = null, bool bigWin = false, string? poolId = null) =>
        new(id, id.ToUpperInvariant(), "#336699", new WheelPrize(kind, amount, poolId), weight, stock, bigWin);

    /// <summary>A prize of 100 points with <paramref name="stock"/>, and "nothing" with the same weight.</summary>
    public static WheelDefinition PrizeAndNothing(int? stock, int freeSpinsPerDay = 1, int dailyCap = 100, int cost = 1) =>
        new("Test wheel", [Segment("prize", 1, PrizeKind.Points, 100, stock, bigWin: true), Segment("nothing", 1)], true, null, null, cost, freeSpinsPerDay, dailyCap);
}
