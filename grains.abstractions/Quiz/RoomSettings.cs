namespace Referral.Grains.Abstractions.Quiz;

/// <summary>
/// How a room runs: the player cap (never above the server's configured cap) and whether it moves
/// to the next question by itself <paramref name="AutoAdvanceSeconds"/> after each reveal.
/// <paramref name="Rewards"/> (optional) pays wallet rewards by final rank when the game ends.
/// </summary>
[GenerateSerializer, Immutable, Alias("Referral.Quiz.RoomSettings")]
public sealed record RoomSettings(
    [property: Id(0)] int MaxPlayers,
    [property: Id(1)] bool AutoAdvance,
    [property: Id(2)] int AutoAdvanceSeconds,
    [property: Id(3)] IReadOnlyList<RoomReward>? Rewards = null);
