using Referral.LoadGen.Hosting;

namespace Referral.LoadGen.Reporting;

/// <summary>Everything measured against one target (the product or the bare hub) in one run. Times in ms unless named otherwise.</summary>
public sealed record RunMetrics(
    string Target,
    int Rooms,
    int PlayersPerRoom,
    int Questions,
    SeatMetrics Seating,
    IReadOnlyList<QuestionMetrics> PerQuestion,
    double FanoutMedianMs,
    double TimeToLastMedianMs,
    Latency Ack,
    Latency ResultFromClose,
    Latency ResultAfterHost,
    double AnswersPerSecondMax,
    DeliveryMetrics Delivery,
    ScoreMetrics? Scores,
    int UnexpectedRefusals,
    SortedDictionary<string, int> Errors,
    SortedDictionary<string, string> ErrorExamples,
    ResourceMetrics? Server,
    ResourceMetrics Generator,
    double QuestionFrameBytes,
    double ResultFrameBytes,
    SortedDictionary<string, EventCount> EventsReceived);

/// <summary>Seating: guest sign-in (product only), WebSocket connect + handshake, join; wall time for all of them.</summary>
public sealed record SeatMetrics(int Attempted, int Seated, double RoomSetupSeconds, double WallSeconds, double SeatsPerSecond, Latency SignIn, Latency Connect, Latency Join, Latency Total);

/// <summary>
/// One question across all rooms. Fan-out is client receive time minus the server's openedAt;
/// time-to-last is the latest of those per room (worst room, and median over rooms). A result's
/// latency is counted from the moment the close was triggered (the last accepted answer was sent,
/// or the deadline) and, separately, from the moment the host's own copy arrived.
/// </summary>
public sealed record QuestionMetrics(
    int Index,
    int Expected,
    int Delivered,
    Latency Fanout,
    double TimeToLastMs,
    double TimeToLastRoomMedianMs,
    int ResultsExpected,
    int ResultsDelivered,
    Latency ResultFromClose,
    Latency ResultAfterHost,
    int AnswersSent,
    int Accepted,
    int RefusedAsPlannedLate,
    Latency Ack,
    double AnswersPerSecond);

/// <summary>Every seated player must receive every question, their own result of each, and the game end.</summary>
public sealed record DeliveryMetrics(int QuestionsExpected, int QuestionsDelivered, int ResultsExpected, int ResultsDelivered, int EndsExpected, int EndsDelivered, int Lost, double Ratio, int DuplicateEvents);

/// <summary>Points per question, running totals and final scores compared with the scores recomputed from the answers sent.</summary>
public sealed record ScoreMetrics(int PlayersChecked, int ValuesChecked, int Mismatches, IReadOnlyList<string> Examples);

/// <summary>A process's resources over the run: RSS per seated connection is (seated − idle) / seated.</summary>
public sealed record ResourceMetrics(int Pid, ProcessSample Idle, ProcessSample Seated, ProcessSample End, long PeakRssKb, double RssPerConnectionKb, double CpuSecondsSeating, double CpuSecondsGame, double CpuSecondsTotal);
