namespace Referral.Grains.Accounts;

/// <summary>A guest device's user. The key is a keyed hash of the device id, so nothing here is personal.</summary>
[GenerateSerializer, Alias("Referral.DeviceState")]
public sealed class DeviceState
{
    [Id(0)] public Guid? UserId { get; set; }

    [Id(1)] public DateTimeOffset? LinkedAt { get; set; }
}
