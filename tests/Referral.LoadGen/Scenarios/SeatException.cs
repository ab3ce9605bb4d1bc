namespace Referral.LoadGen.Scenarios;

/// <summary>A failed HTTP step of seating or room set-up; <see cref="Kind"/> names it for the error counts (e.g. <c>http_429</c>).</summary>
public sealed class SeatException : Exception
{
    public SeatException()
    {
        Kind = "seat_failed";
    }

    public SeatException(string message)
        : base(message)
    {
        Kind = "seat_failed";
    }

    public SeatException(string message, Exception innerException)
        : base(message, innerException)
    {
        Kind = "seat_failed";
    }

    public SeatException(string kind, string message)
        : base(message)
    {
        Kind = kind;
    }

    public string Kind { get; }
}
