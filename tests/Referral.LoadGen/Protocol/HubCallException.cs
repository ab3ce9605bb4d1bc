namespace Referral.LoadGen.Protocol;

/// <summary>
/// A hub invocation that completed with an error. <see cref="Code"/> is the product's stable code
/// (the text before the first colon, e.g. <c>too_late</c>), or <c>hub_error</c> when the server
/// sent none (e.g. SignalR's own "unauthorized").
/// </summary>
public sealed class HubCallException : Exception
{
    public HubCallException()
    {
        Code = "hub_error";
    }

    public HubCallException(string message)
        : base(message)
    {
        var colon = message.IndexOf(':', StringComparison.Ordinal);
        Code = colon > 0 && !message[..colon].Contains(' ', StringComparison.Ordinal) ? message[..colon] : "hub_error";
    }

    public HubCallException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = "hub_error";
    }

    public string Code { get; }
}
