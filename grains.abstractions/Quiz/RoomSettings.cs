namespace Referral.Grains.Abstractions.Quiz;

/// <summary>
/// How a room runs: the player cap (never above the server's configured cap) and whether it moves
/// to the next question by itself <paramref name="AutoAdvanceSeconds"/> after each reveal.
/// </summary>
[GenerateSerializer, Immutable, Alias("Referral.Quiz.RoomSettings")]
public sealed record RoomSettings(
    [property: Id(0)] int MaxPlayers,
    [property: Id(1)] bool AutoAdvance,
    [property: Id(2)] int AutoAdvanceSeconds);
