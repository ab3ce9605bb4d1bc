using Referral.Grains.Abstractions.Wheel;

namespace Referral.Api.Wheel;

/// <summary>
/// Body of <c>POST /api/admin/wheels</c> (with <paramref name="Id"/>) and <c>PUT /api/admin/wheels/{id}</c>.
/// Absent settings take defaults: active, cost 1, one free spin a day, cap 10 a day.
/// </summary>
public sealed record WheelRequest(
    string? Id,
    string? Name,
    IReadOnlyList<WheelSegment>? Segments,
    bool? Active,
    DateTimeOffset? ActiveFrom,
    DateTimeOffset? ActiveUntil,
    int? CostPerSpin,
    int? FreeSpinsPerDay,
    int? DailyCap)
{
    public WheelDefinition ToDefinition() =>
        new(Name ?? "", Segments ?? [], Active ?? true, ActiveFrom, ActiveUntil, CostPerSpin ?? 1, FreeSpinsPerDay ?? 1, DailyCap ?? 10);
}
