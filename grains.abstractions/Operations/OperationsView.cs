namespace Referral.Grains.Abstractions.Operations;

/// <summary>
/// The live operations figures at <paramref name="At"/>: open hub connections over every live api
/// node, open quiz rooms, and today's (UTC) new users and referred signups.
/// </summary>
[GenerateSerializer, Immutable, Alias("Referral.Operations.OperationsView")]
public sealed record OperationsView(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] DateOnly Day,
    [property: Id(2)] int PlayersOnline,
    [property: Id(3)] int ActiveRooms,
    [property: Id(4)] long SignupsToday,
    [property: Id(5)] long ReferralsToday,
    [property: Id(6)] int ApiNodes);
