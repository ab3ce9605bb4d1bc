namespace Referral.Grains.Abstractions.Accounts;

/// <summary>Everything held on a user, for <c>GET /api/me/export</c>.</summary>
[GenerateSerializer, Immutable, Alias("Referral.UserExport")]
public sealed record UserExport(
    [property: Id(0)] UserView User,
    [property: Id(1)] IReadOnlyList<SessionInfo> Sessions,
    [property: Id(2)] IReadOnlyList<string> DeviceLabels,
    [property: Id(3)] DateTimeOffset ExportedAt);
