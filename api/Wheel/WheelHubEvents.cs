namespace Referral.Api.Wheel;

/// <summary>Server-to-client hub events of wheels (docs/wheel.md describes each payload) and the watchers' group.</summary>
public static class WheelHubEvents
{
    /// <summary>A segment's stock changed; the payload carries the wheel's new odds.</summary>
    public const string StockChanged = "wheelStockChanged";

    /// <summary>Someone won a big-win segment.</summary>
    public const string BigWin = "wheelBigWin";

    public static string Group(string wheelId) => $"wheel:{wheelId}";
}
