namespace Referral.Api.Rooms;

/// <summary>Body of <c>POST /api/rooms</c>. MaxPlayers 0 or absent means the server's cap.</summary>
public sealed record OpenRoomRequest(Guid QuizId, int? MaxPlayers, bool? AutoAdvance, int? AutoAdvanceSeconds);
