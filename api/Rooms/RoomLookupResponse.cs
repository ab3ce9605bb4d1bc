namespace Referral.Api.Rooms;

/// <summary>What a player learns from a PIN before choosing a nickname.</summary>
public sealed record RoomLookupResponse(Guid RoomId, string QuizTitle, int QuestionCount);
