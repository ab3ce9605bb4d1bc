namespace Referral.Api.Tests.Auth;

/// <summary>
/// One hub method: the room phase it is called in, its arguments, and whether each actor's call
/// must succeed. The standing player is seated in the room and the standing host hosts it, so
/// "other player" and "admin" rows test object-level refusals.
/// </summary>
public sealed record HubRow(string Method, RoomPhase Phase, Func<HubCase, object?[]> Arguments, Func<Actor, bool> Succeeds)
{
    public override string ToString() => Method;
}
