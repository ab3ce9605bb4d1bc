namespace Referral.Grains.Abstractions.Quiz;

/// <summary>
/// One live game, keyed by room id: the only judge of answers, scores and time. Commands carry the
/// caller's user id; host commands are refused with <c>not_host</c> for anyone but the host.
/// </summary>
public interface IQuizRoomGrain : IGrainWithGuidKey
{
    ValueTask<QuizOutcome<RoomInfo>> Open(OpenRoom command);

    ValueTask<QuizOutcome<RoomInfo>> Info();

    /// <summary>Seats a player (or returns the seat of a player who is already in: a reconnect).</summary>
    ValueTask<QuizOutcome<RoomSnapshot>> Join(Guid userId, string nickname);

    ValueTask<QuizOutcome<bool>> Leave(Guid userId);

    ValueTask<QuizOutcome<bool>> Kick(Guid hostId, Guid playerId);

    ValueTask<QuizOutcome<bool>> Lock(Guid hostId, bool locked);

    /// <summary>Opens the first question.</summary>
    ValueTask<QuizOutcome<RoomSnapshot>> Start(Guid hostId);

    /// <summary>After a reveal: the next question, or the end after the last.</summary>
    ValueTask<QuizOutcome<RoomSnapshot>> Next(Guid hostId);

    /// <summary>Closes the open question before its deadline.</summary>
    ValueTask<QuizOutcome<RoomSnapshot>> CloseQuestion(Guid hostId);

    ValueTask<QuizOutcome<RoomSnapshot>> End(Guid hostId);

    /// <summary>One answer per player per question; a repeat is acknowledged as a duplicate and changes nothing.</summary>
    ValueTask<QuizOutcome<AnswerAck>> Answer(Guid userId, AnswerSubmission answer);

    /// <summary>The room as the caller (host or seated player) should see it now.</summary>
    ValueTask<QuizOutcome<RoomSnapshot>> Snapshot(Guid userId);

    /// <summary>Per player, per question: answer, correctness, time and points (host only).</summary>
    ValueTask<QuizOutcome<RoomReport>> Report(Guid hostId);
}
