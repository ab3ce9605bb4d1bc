namespace Referral.LoadGen.Protocol;

/// <summary>A connection or handshake that failed; <see cref="Kind"/> names the failure for the error counts.</summary>
public sealed class HubConnectException : Exception
{
    public HubConnectException()
    {
        Kind = "connect_failed";
    }

    public HubConnectException(string message)
        : base(message)
    {
        Kind = "connect_failed";
    }

    public HubConnectException(string message, Exception innerException)
        : base(message, innerException)
    {
        Kind = "connect_failed";
    }

    public HubConnectException(string kind, string message, Exception? innerException)
        : base(message, innerException)
    {
        Kind = kind;
    }

    public string Kind { get; }
}
