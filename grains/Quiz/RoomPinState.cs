namespace Referral.Grains.Quiz;

[GenerateSerializer, Alias("Referral.Quiz.RoomPinState")]
public sealed class RoomPinState
{
    [Id(0)] public Guid? RoomId { get; set; }

    [Id(1)] public DateTimeOffset ClaimedAt { get; set; }
}
