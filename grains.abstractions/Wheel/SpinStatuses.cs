namespace Referral.Grains.Abstractions.Wheel;

/// <summary>Values of <see cref="SpinResult.Status"/>.</summary>
public static class SpinStatuses
{
    public const string Completed = "completed";
    public const string Refunded = "refunded";
}
