namespace Referral.Grains.Abstractions.Wheel;

/// <summary>Stable error codes of wheels and spins (ProblemDetails <c>code</c>, or the start of a hub error).</summary>
public static class WheelErrors
{
    public const string ValidationFailed = "validation_failed";
    public const string WheelNotFound = "wheel_not_found";
    public const string WheelExists = "wheel_exists";

    /// <summary>The wheel is switched off or outside its active window.</summary>
    public const string WheelClosed = "wheel_closed";

    /// <summary>Every segment of the wheel is out of stock.</summary>
    public const string WheelEmpty = "wheel_empty";

    public const string DailyLimitReached = "daily_limit_reached";

    /// <summary>No free spin left today and not enough spin tokens in the wallet.</summary>
    public const string InsufficientSpins = "insufficient_spins";

    /// <summary>A spin id reused for a different wheel.</summary>
    public const string IdempotencyConflict = "idempotency_conflict";

    /// <summary>The spin started but could not finish yet (a wallet or pool failed); repeating the spin id finishes it.</summary>
    public const string SpinPending = "spin_pending";
}
