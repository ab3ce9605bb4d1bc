using Referral.Grains.Abstractions.Quiz;

namespace Referral.Api.Rooms;

/// <summary>
/// Body of <c>POST /api/rooms</c>. MaxPlayers 0 or absent means the server's cap; Rewards (optional)
/// pays wallet rewards by final rank, e.g. <c>[{ "fromRank": 1, "toRank": 3, "currency": "spins", "amount": 2 }]</c>.
/// </summary>
public sealed record OpenRoomRequest(Guid QuizId, int? MaxPlayers, bool? AutoAdvance, int? AutoAdvanceSeconds, IReadOnlyList<RoomReward>? Rewards = null);
