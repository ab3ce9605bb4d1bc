using System.Text.Json;
using Referral.LoadGen.Protocol;
using Referral.LoadGen.Reporting;

namespace Referral.LoadGen.Scenarios;

/// <summary>One room of a run: its id and PIN, the host bot's connection and view, its players and arrival counters.</summary>
public sealed class RoomRun(int index, IGameTarget target, int questions, ErrorCounts errors)
{
    private readonly int[] _started = new int[questions];
    private readonly int[] _results = new int[questions];
    private int _ended;

    public int Index { get; } = index;

    public IGameTarget Target { get; } = target;

    public ErrorCounts Errors { get; } = errors;

    public Guid RoomId { get; set; }

    public string Pin { get; set; } = "";

    public HubClient? Host { get; set; }

    public List<PlayerBot> Players { get; } = [];

    public HostQuestion[] HostView { get; } = [.. Enumerable.Range(0, questions).Select(_ => new HostQuestion())];

    public DateTime HostEndedAt { get; private set; }

    /// <summary>The host's gameEnded payload (product: the whole ranking), cloned.</summary>
    public JsonElement HostEnded { get; private set; }

    public bool Failed { get; set; }

    public int Started(int q) => Volatile.Read(ref _started[q]);

    public int Results(int q) => Volatile.Read(ref _results[q]);

    public int Ended => Volatile.Read(ref _ended);

    /// <summary>Every event the players of all rooms received, by name (shared across rooms of one run).</summary>
    public EventCounts Events { get; init; } = new();

    public void StartArrived(int q) => Interlocked.Increment(ref _started[q]);

    public void ResultArrived(int q) => Interlocked.Increment(ref _results[q]);

    public void EndArrived() => Interlocked.Increment(ref _ended);

    public void OnHostEvent(HubEvent e)
    {
        switch (e.Target)
        {
            case "questionStarted":
                var view = HostView.ElementAtOrDefault(EventFields.QuestionIndex(e.Argument));
                if (view is not null && view.StartedSeenAt == default)
                {
                    view.OpenedAt = EventFields.Time(e.Argument, "openedAt");
                    view.Deadline = EventFields.Time(e.Argument, "deadline");
                    view.StartedSeenAt = e.ReceivedAt;
                }

                break;

            case "questionClosed":
                var closed = HostView.ElementAtOrDefault(e.Argument.GetProperty("index").GetInt32());
                if (closed is not null && closed.ClosedSeenAt == default)
                {
                    closed.ClosedSeenAt = e.ReceivedAt;
                }

                break;

            case "gameEnded":
                HostEnded = e.Argument.Clone();
                HostEndedAt = e.ReceivedAt;
                break;
        }
    }
}
