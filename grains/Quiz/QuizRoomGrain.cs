using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Streams;
using Referral.Grains.Abstractions;
using Referral.Grains.Abstractions.Quiz;

namespace Referral.Grains.Quiz;

/// <summary>
/// One live game. Time is judged by <see cref="TimeProvider"/> timestamps taken when a call
/// arrives, never by whether a timer has fired: a question is over for an answer stamped after
/// its deadline even if the closing timer is seconds late (saturated silos fire timers late).
/// Messages grow linearly with players: joins and answers are coalesced into one activity event
/// per interval, and each phase change is one stream event, whatever the room's size.
/// </summary>
public sealed partial class QuizRoomGrain(
    [PersistentState("room", StorageNames.Default)] IPersistentState<QuizRoomState> state,
    TimeProvider time,
    IOptions<QuizOptions> options,
    ILogger<QuizRoomGrain> logger) : Grain, IQuizRoomGrain
{
    private const int PinAttempts = 50;
    private const int RecentJoinsShown = 20;

    private readonly Dictionary<string, Guid> _nicknames = new(StringComparer.Ordinal);
    private readonly List<string> _recentJoins = [];
    private IAsyncStream<RoomEvent>? _stream;
    private IGrainTimer? _activityTimer;
    private IGrainTimer? _deadlineTimer;
    private IGrainTimer? _advanceTimer;
    private bool _activityPending;
    private bool _stateDirty;
    private DateTimeOffset _lastFlush;
    private int _answered;

    /// <summary>Players seated and not left, kept as a running count: counting on every answer is quadratic.</summary>
    private int _seated;

    private QuizRoomState S => state.State;

    private Guid RoomId => this.GetPrimaryKey();

    private QuizOptions Options => options.Value;

    private IReadOnlyList<QuestionDefinition> QuestionDefinitions => S.Quiz!.Definition.Questions;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _stream = this.GetStreamProvider(StorageNames.StreamProvider).GetStream<RoomEvent>(StreamId.Create(StreamNamespaces.Room, RoomId));
        foreach (var (userId, player) in S.Players)
        {
            _nicknames[Nicknames.UniquenessKey(player.Nickname)] = userId;
        }

        _seated = S.Players.Values.Count(p => !p.Left);

        if (S.IsOpen && S.Phase != RoomPhase.Ended)
        {
            _answered = S.Phase == RoomPhase.Question ? S.Players.Values.Count(p => p.Answers[S.QuestionIndex] is not null) : 0;
            StartActivityTimer();
            if (S.Phase == RoomPhase.Question)
            {
                ScheduleDeadline();
            }
        }

        ResumeEndOfGameWork();
        return base.OnActivateAsync(cancellationToken);
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_stateDirty)
        {
            await state.WriteStateAsync(cancellationToken);
        }

        await base.OnDeactivateAsync(reason, cancellationToken);
    }

    public async ValueTask<QuizOutcome<RoomInfo>> Open(OpenRoom command)
    {
        if (S.IsOpen)
        {
            return S.HostId == command.HostId && S.Quiz!.Id == command.Quiz.Id
                ? QuizOutcome.Success(Info(S))
                : QuizOutcome.Fail<RoomInfo>(QuizErrors.WrongPhase, "This room is already open.");
        }

        var maxPlayers = command.Settings.MaxPlayers <= 0 ? Options.MaxPlayersPerRoom : command.Settings.MaxPlayers;
        if (maxPlayers > Options.MaxPlayersPerRoom)
        {
            return QuizOutcome.Invalid<RoomInfo>(new Dictionary<string, string[]>
            {
                ["maxPlayers"] = [$"At most {Options.MaxPlayersPerRoom} players per room."],
            });
        }

        if (command.Settings.AutoAdvance && command.Settings.AutoAdvanceSeconds is < 3 or > 120)
        {
            return QuizOutcome.Invalid<RoomInfo>(new Dictionary<string, string[]>
            {
                ["autoAdvanceSeconds"] = ["Between 3 and 120 seconds."],
            });
        }

        if (RoomRewards.Validate(command.Settings.Rewards) is { Count: > 0 } rewardErrors)
        {
            return QuizOutcome.Invalid<RoomInfo>(rewardErrors);
        }

        var pin = await ClaimPin();
        if (pin is null)
        {
            return QuizOutcome.Fail<RoomInfo>(QuizErrors.WrongPhase, "No free PIN could be found; try again.");
        }

        S.HostId = command.HostId;
        S.Quiz = command.Quiz;
        S.Pin = pin;
        S.Settings = command.Settings with { MaxPlayers = maxPlayers };
        S.Phase = RoomPhase.Lobby;
        S.CreatedAt = time.GetUtcNow();
        S.DisplayOrders = command.Quiz.Definition.Questions.Select(DisplayOrder).ToList();
        await state.WriteStateAsync();
        _lastFlush = time.GetUtcNow();
        StartActivityTimer();
        LogOpened(logger, RoomId, pin, command.Quiz.Definition.Questions.Count);
        return QuizOutcome.Success(Info(S));
    }

    public ValueTask<QuizOutcome<RoomInfo>> Info() =>
        ValueTask.FromResult(S.IsOpen ? QuizOutcome.Success(Info(S)) : QuizOutcome.Fail<RoomInfo>(QuizErrors.RoomNotFound, "No such room."));

    public async ValueTask<QuizOutcome<RoomSnapshot>> Join(Guid userId, string nickname)
    {
        await CloseIfDue();
        if (!S.IsOpen)
        {
            return QuizOutcome.Fail<RoomSnapshot>(QuizErrors.RoomNotFound, "No such room.");
        }

        if (userId == S.HostId)
        {
            return QuizOutcome.Success(SnapshotFor(userId));
        }

        if (S.Kicked.Contains(userId))
        {
            return QuizOutcome.Fail<RoomSnapshot>(QuizErrors.Kicked, "The host removed you from this room.");
        }

        if (S.Players.TryGetValue(userId, out var seated))
        {
            // A reconnect: the seat, score and streak are kept.
            if (seated.Left)
            {
                seated.Left = false;
                _seated++;
                MarkActivity();
            }

            return QuizOutcome.Success(SnapshotFor(userId));
        }

        if (S.Phase == RoomPhase.Ended)
        {
            return QuizOutcome.Fail<RoomSnapshot>(QuizErrors.WrongPhase, "The game is over.");
        }

        if (S.Locked)
        {
            return QuizOutcome.Fail<RoomSnapshot>(QuizErrors.RoomLocked, "The host locked this room.");
        }

        if (S.Players.Count >= S.Settings.MaxPlayers)
        {
            return QuizOutcome.Fail<RoomSnapshot>(QuizErrors.RoomFull, $"The room is full ({S.Settings.MaxPlayers} players).");
        }

        var cleaned = Nicknames.Clean(nickname, ProfanityList.Shipped);
        if (!cleaned.Ok)
        {
            return QuizOutcome.Fail<RoomSnapshot>(QuizErrors.NicknameInvalid, cleaned.Detail);
        }

        var key = Nicknames.UniquenessKey(cleaned.Nickname!);
        if (_nicknames.ContainsKey(key))
        {
            return QuizOutcome.Fail<RoomSnapshot>(QuizErrors.NicknameTaken, "Someone in this room already has that nickname.");
        }

        S.Players[userId] = new RoomPlayer
        {
            Nickname = cleaned.Nickname!,
            JoinOrder = S.NextJoinOrder++,
            Answers = new RecordedAnswer?[QuestionDefinitions.Count],
        };
        _nicknames[key] = userId;
        _seated++;
        _recentJoins.Add(cleaned.Nickname!);
        if (_recentJoins.Count > RecentJoinsShown)
        {
            _recentJoins.RemoveAt(0);
        }

        MarkActivity();
        return QuizOutcome.Success(SnapshotFor(userId));
    }

    public async ValueTask<QuizOutcome<bool>> Leave(Guid userId)
    {
        if (!S.Players.TryGetValue(userId, out var player))
        {
            return QuizOutcome.Fail<bool>(QuizErrors.NotInRoom, "You are not in this room.");
        }

        Unseat(userId, player);
        MarkActivity();
        await CloseIfEveryoneAnswered();
        return QuizOutcome.Success(true);
    }

    public async ValueTask<QuizOutcome<bool>> Kick(Guid hostId, Guid playerId)
    {
        if (HostCheck<bool>(hostId) is { } refused)
        {
            return refused;
        }

        if (!S.Players.TryGetValue(playerId, out var player))
        {
            return QuizOutcome.Fail<bool>(QuizErrors.NotInRoom, "No such player in this room.");
        }

        Unseat(playerId, player);
        S.Kicked.Add(playerId);
        await Publish(seq => new PlayerKicked(RoomId, seq, playerId));
        await Persist();
        MarkActivity();
        await CloseIfEveryoneAnswered();
        return QuizOutcome.Success(true);
    }

    public async ValueTask<QuizOutcome<bool>> Lock(Guid hostId, bool locked)
    {
        if (HostCheck<bool>(hostId) is { } refused)
        {
            return refused;
        }

        if (S.Locked != locked)
        {
            S.Locked = locked;
            await Publish(seq => new RoomLockChanged(RoomId, seq, locked));
            await Persist();
        }

        return QuizOutcome.Success(locked);
    }

    public async ValueTask<QuizOutcome<RoomSnapshot>> Snapshot(Guid userId)
    {
        await CloseIfDue();
        if (!S.IsOpen)
        {
            return QuizOutcome.Fail<RoomSnapshot>(QuizErrors.RoomNotFound, "No such room.");
        }

        if (S.Kicked.Contains(userId))
        {
            return QuizOutcome.Fail<RoomSnapshot>(QuizErrors.Kicked, "The host removed you from this room.");
        }

        return userId == S.HostId || S.Players.ContainsKey(userId)
            ? QuizOutcome.Success(SnapshotFor(userId))
            : QuizOutcome.Fail<RoomSnapshot>(QuizErrors.NotInRoom, "Join the room first.");
    }

    private QuizOutcome<T>? HostCheck<T>(Guid hostId)
    {
        if (!S.IsOpen)
        {
            return QuizOutcome.Fail<T>(QuizErrors.RoomNotFound, "No such room.");
        }

        return hostId == S.HostId ? null : QuizOutcome.Fail<T>(QuizErrors.NotHost, "Only the room's host can do that.");
    }

    /// <summary>In the lobby the seat (and nickname) is freed; during a game the player stays ranked but inactive.</summary>
    private void Unseat(Guid userId, RoomPlayer player)
    {
        if (!player.Left)
        {
            _seated--;
        }

        if (S.Phase == RoomPhase.Lobby)
        {
            S.Players.Remove(userId);
            _nicknames.Remove(Nicknames.UniquenessKey(player.Nickname));
        }
        else
        {
            player.Left = true;
        }
    }

    private async Task<string?> ClaimPin()
    {
        for (var attempt = 0; attempt < PinAttempts; attempt++)
        {
            var pin = RoomPins.Next();
            if (await GrainFactory.GetGrain<IRoomPinGrain>(pin).Claim(RoomId))
            {
                return pin;
            }
        }

        return null;
    }

    private static int[] DisplayOrder(QuestionDefinition question)
    {
        var order = Enumerable.Range(0, question.Options.Count).ToArray();
        if (question.Type != QuestionType.Ordering)
        {
            return order;
        }

        // Shown shuffled, never in the answer order (which would give the answer away).
        do
        {
            RandomNumberGenerator.Shuffle(order.AsSpan());
        }
        while (order.Length > 1 && order.Select((item, i) => item == i).All(x => x));

        return order;
    }

    private RoomInfo Info(QuizRoomState s) =>
        new(RoomId, s.Pin, s.HostId, s.Quiz?.Definition.Title ?? "", s.Quiz?.Definition.Questions.Count ?? 0);
}
