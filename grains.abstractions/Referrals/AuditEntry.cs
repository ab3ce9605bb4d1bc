namespace Referral.Grains.Abstractions.Referrals;

/// <summary>One step in a referral's history: who (a user id, or null for the system) did what, and why.</summary>
[GenerateSerializer, Immutable, Alias("Referral.Referrals.AuditEntry")]
public sealed record AuditEntry(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] Guid? Actor,
    [property: Id(2)] string Action,
    [property: Id(3)] string? Note);
