namespace Referral.LoadGen.Protocol;

/// <summary>
/// A hub invocation that completed with an error, or could not be sent. <see cref="Code"/> is the
/// product's stable code (e.g. <c>too_late</c>), the generator's own (<c>timeout</c>,
/// <c>send_failed</c>, <c>closed</c>), or <c>hub_error</c> when the server sent none (e.g.
/// SignalR's own "unauthorized").
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
        Code = CodeOf(message);
    }

    public HubCallException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = CodeOf(message);
    }

    public string Code { get; }

    private static string CodeOf(string message)
    {
        // SignalR prefixes the server's text ("An unexpected error occurred invoking 'Answer' on the
        // server. HubException: too_late: …"): the code follows the last "HubException: ".
        const string Marker = "HubException: ";
        var at = message.LastIndexOf(Marker, StringComparison.Ordinal);
        var text = at >= 0 ? message[(at + Marker.Length)..] : message;
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && !text[..colon].Contains(' ', StringComparison.Ordinal) ? text[..colon] : "hub_error";
    }
}
