using Microsoft.Extensions.Logging;

namespace Referral.Grains.Quiz;

public sealed partial class QuizRoomGrain
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Room {RoomId} opened with PIN {Pin} ({Questions} questions).")]
    private static partial void LogOpened(ILogger logger, Guid roomId, string pin, int questions);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Room {RoomId} opened question {Index} for {Players} players.")]
    private static partial void LogQuestionOpened(ILogger logger, Guid roomId, int index, int players);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Room {RoomId} closed question {Index}: {Answered} of {Players} answered.")]
    private static partial void LogQuestionClosed(ILogger logger, Guid roomId, int index, int answered, int players);

    [LoggerMessage(Level = LogLevel.Information, Message = "Room {RoomId} ended with {Players} players.")]
    private static partial void LogEnded(ILogger logger, Guid roomId, int players);
}
