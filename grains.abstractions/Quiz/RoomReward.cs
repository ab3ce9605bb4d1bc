namespace Referral.Grains.Abstractions.Quiz;

/// <summary>
/// A reward tier of a room: players ranked <paramref name="FromRank"/> to <paramref name="ToRank"/>
/// (inclusive) at the end of the game earn <paramref name="Amount"/> of <paramref name="Currency"/>
/// (<c>points</c> or <c>spins</c>) in their wallet, once per room. Tiers do not overlap.
/// </summary>
[GenerateSerializer, Immutable, Alias("Referral.Quiz.RoomReward")]
public sealed record RoomReward(
    [property: Id(0)] int FromRank,
    [property: Id(1)] int ToRank,
    [property: Id(2)] string Currency,
    [property: Id(3)] long Amount);
