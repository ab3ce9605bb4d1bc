namespace Referral.Grains.Abstractions;

/// <summary>Stream namespaces of the <c>Referral</c> stream provider; the stream key is the thing's id.</summary>
public static class StreamNamespaces
{
    public const string Room = "room";
    public const string User = "user";
    public const string Campaign = "campaign";
    public const string Wheel = "wheel";
    public const string Analytics = "analytics";
}
