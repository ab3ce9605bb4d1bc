namespace Referral.Grains.Abstractions.Quiz;

/// <summary>Stable error codes of quiz authoring and rooms, returned as ProblemDetails <c>code</c> or hub errors.</summary>
public static class QuizErrors
{
    public const string ValidationFailed = "validation_failed";
    public const string QuizNotFound = "quiz_not_found";
    public const string QuizExists = "quiz_exists";
    public const string NotOwner = "not_owner";
    public const string RoomNotFound = "room_not_found";
    public const string NotHost = "not_host";
    public const string RoomLocked = "room_locked";
    public const string RoomFull = "room_full";
    public const string NicknameTaken = "nickname_taken";
    public const string NicknameInvalid = "nickname_invalid";
    public const string Kicked = "kicked";
    public const string NotInRoom = "not_in_room";
    public const string WrongPhase = "wrong_phase";
    public const string WrongQuestion = "wrong_question";
    public const string TooLate = "too_late";
    public const string InvalidAnswer = "invalid_answer";
}
