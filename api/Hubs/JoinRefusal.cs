namespace Referral.Api.Hubs;

/// <summary>
/// Why a room refused a player who is signed in all the same (<see cref="GuestJoin"/>): the code
/// and sentence <c>JoinRoom</c> would have failed with.
/// </summary>
public sealed record JoinRefusal(string Code, string Message);
