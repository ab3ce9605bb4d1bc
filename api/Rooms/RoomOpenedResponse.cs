namespace Referral.Api.Rooms;

/// <summary>An opened room: the PIN to show and the link to share (also encoded in the QR code).</summary>
public sealed record RoomOpenedResponse(Guid RoomId, string Pin, string JoinUrl, string QuizTitle, int QuestionCount);
