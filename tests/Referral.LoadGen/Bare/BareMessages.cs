using System.Text.Json;

namespace Referral.LoadGen.Bare;

/// <summary>Baseline payloads shaped like the product's, the question padded to the product's measured frame size.</summary>
public static class BareMessages
{
    private static readonly object[] Options =
    [
        new { id = 0, text = "Option one" },
        new { id = 1, text = "Option two" },
        new { id = 2, text = "Option three" },
        new { id = 3, text = "Option four" },
    ];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The frame is the payload plus the invocation envelope; the text fills it up to <paramref name="payloadBytes"/>.</summary>
    public static object QuestionStarted(BareRoom room, long sequence, int index, DateTimeOffset now, int payloadBytes)
    {
        const int Envelope = 52; // {"type":1,"target":"questionStarted","arguments":[…]} and the separator
        var overhead = JsonSerializer.SerializeToUtf8Bytes(Question(room, sequence, index, now, ""), Json).Length + Envelope;
        return Question(room, sequence, index, now, new string('x', Math.Max(10, payloadBytes - overhead)));
    }

    private static object Question(BareRoom room, long sequence, int index, DateTimeOffset now, string text) => new
    {
        roomId = room.Id,
        sequence,
        question = new
        {
            index,
            count = room.Questions,
            type = "SingleChoice",
            text,
            options = Options,
            timeLimitSeconds = (int)(room.Deadline - now).TotalSeconds,
            points = "Standard",
            imageUrl = (string?)null,
        },
        openedAt = now,
        deadline = room.Deadline,
    };

    public static object Closed(BareRoom room, long sequence, int index, bool isLast, object? me) => new
    {
        roomId = room.Id,
        sequence,
        index,
        answer = new { correctOptionIds = new[] { index % 4 }, acceptedAnswers = Array.Empty<string>() },
        distribution = new[] { 0, 0, 0, 0 },
        noAnswer = 0,
        leaderboard = Array.Empty<object>(),
        isLast,
        me,
    };
}
