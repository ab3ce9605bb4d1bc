using System.Text.Json;
using Referral.LoadGen.Protocol;

namespace Referral.LoadGen.Scenarios;

/// <summary>
/// One simulated player. Events arrive on its connection's receive loop: a question is stamped on
/// arrival and answered after the planned think time (or after the deadline, for the planned late
/// answers); its own result and the game end are recorded for the delivery and score checks.
/// </summary>
public sealed class PlayerBot(int index, RoomRun room, PlayerQuestion[] plan)
{
    private static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(60);

    public int Index { get; } = index;

    public RoomRun Room { get; } = room;

    /// <summary>The nickname it joins with; the product's word filter refuses a few numbers, which then get another.</summary>
    public string Nickname { get; set; } = $"Player {index}";

    public HubClient? Hub { get; set; }

    public Guid UserId { get; set; }

    public bool Seated { get; set; }

    public double SignInMs { get; set; }

    public double ConnectMs { get; set; }

    public double JoinMs { get; set; }

    public PlayerQuestion[] Questions { get; } = plan;

    public DateTime EndedAt { get; private set; }

    public int EndedScore { get; private set; }

    public int DuplicateEvents { get; private set; }

    public void OnEvent(HubEvent e)
    {
        Room.Events.Add(e.Target, e.Bytes);
        switch (e.Target)
        {
            case "questionStarted":
                OnStarted(e);
                break;

            case "questionClosed":
                var q = Questions.ElementAtOrDefault(e.Argument.GetProperty("index").GetInt32());
                if (q is null || q.HasResult)
                {
                    DuplicateEvents++;
                    return;
                }

                if (e.Argument.TryGetProperty("me", out var me) && me.ValueKind == JsonValueKind.Object)
                {
                    q.ResultAnswered = me.GetProperty("answered").GetBoolean();
                    q.ResultPoints = me.GetProperty("points").GetInt32();
                    q.ResultTotal = me.GetProperty("total").GetInt32();
                    q.ResultBytes = e.Bytes;
                    q.ResultAt = e.ReceivedAt;
                    Room.ResultArrived(Array.IndexOf(Questions, q));
                }
                else
                {
                    Room.Errors.Add("result_without_me", $"player {Index} question {Array.IndexOf(Questions, q)}");
                }

                break;

            case "gameEnded":
                if (EndedAt != default)
                {
                    DuplicateEvents++;
                    return;
                }

                EndedScore = e.Argument.TryGetProperty("me", out var mine) && mine.ValueKind == JsonValueKind.Object ? mine.GetProperty("score").GetInt32() : -1;
                EndedAt = e.ReceivedAt;
                Room.EndArrived();
                break;
        }
    }

    private void OnStarted(HubEvent e)
    {
        var index = EventFields.QuestionIndex(e.Argument);
        var q = Questions.ElementAtOrDefault(index);
        if (q is null || q.HasStarted)
        {
            DuplicateEvents++;
            return;
        }

        q.OpenedAt = EventFields.Time(e.Argument, "openedAt");
        q.Deadline = EventFields.Time(e.Argument, "deadline");
        q.StartedBytes = e.Bytes;
        q.StartedAt = e.ReceivedAt;
        Room.StartArrived(index);
        q.Answering = AnswerAsync(index, q);
    }

    private async Task AnswerAsync(int index, PlayerQuestion q)
    {
        var delay = q.Late
            ? q.Deadline - DateTime.UtcNow + TimeSpan.FromMilliseconds(300)
            : q.StartedAt.AddMilliseconds(q.ThinkMs) - DateTime.UtcNow;
        if (delay > TimeSpan.Zero)
        {
            await Task.Delay(delay);
        }

        q.SentAt = DateTime.UtcNow;
        try
        {
            var ack = await Hub!.InvokeAsync("Answer", Room.Target.AnswerArguments(Room, index, q.Choice), AnswerTimeout);
            q.AckAt = DateTime.UtcNow;
            q.ServerReceivedAt = EventFields.Time(ack, "receivedAt");
            q.Accepted = true;
            if (q.Late)
            {
                Room.Errors.Add("late_answer_accepted", $"player {Index} question {index}");
            }
        }
        catch (HubCallException ex)
        {
            q.AckAt = DateTime.UtcNow;
            q.AckError = ex.Code;
            Room.Errors.Add(q.Late && ex.Code == "too_late" ? "expected_too_late" : "answer_" + ex.Code, ex.Message);
        }
    }
}
