namespace Referral.Api.Rooms;

/// <summary>Who a local connection attached to a room is.</summary>
internal sealed record RoomMember(Guid UserId, bool IsHost);
