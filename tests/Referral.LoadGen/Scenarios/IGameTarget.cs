using Referral.Grains.Abstractions.Quiz;

namespace Referral.LoadGen.Scenarios;

/// <summary>
/// The server under test: the product (auth, grains, streams, relay) or the bare SignalR hub. The
/// game is driven the same way against both, so their numbers compare.
/// </summary>
public interface IGameTarget
{
    /// <summary><c>product</c> or <c>bare</c>.</summary>
    string Name { get; }

    /// <summary>Creates the room (and whatever it needs) and connects its host bot.</summary>
    Task PrepareRoomAsync(RoomRun room, IReadOnlyList<QuestionDefinition> quiz, CancellationToken ct);

    /// <summary>Signs the player in (product only), connects and joins; fills the seat timings.</summary>
    Task SeatAsync(PlayerBot player, CancellationToken ct);

    object?[] AnswerArguments(RoomRun room, int question, int choice);

    /// <summary>Host: opens question <paramref name="question"/> (start or next).</summary>
    Task OpenAsync(RoomRun room, int question);

    /// <summary>Host: closes the open question (no error when it already closed).</summary>
    Task CloseAsync(RoomRun room, int question);

    /// <summary>Host: ends the game after the last reveal.</summary>
    Task EndAsync(RoomRun room);
}
